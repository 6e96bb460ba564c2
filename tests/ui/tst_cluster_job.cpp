// Model ▸ Train on a Cluster…: the dialog writes the same job bundle as netloom-cli job, from the
// open project and the form; a bad value is named and nothing is written.
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "document/graph_document.h"
#include "export/cluster_job_dialog.h"
#include "main_window.h"

using namespace netloom::ui;

class TestClusterJob : public QObject {
    Q_OBJECT

private:
    static QString read(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void writesTheBundleFromTheForm() {
        GraphDocument doc;
        QString error;
        QVERIFY2(doc.load(QStringLiteral(NETLOOM_SOURCE_DIR "/projects/fashion-mnist-cnn.netloom"), &error), qPrintable(error));
        QTemporaryDir tmp;
        ClusterJobDialog dialog(&doc);
        dialog.setDestination(tmp.filePath(QStringLiteral("job")));
        dialog.workers()->setValue(3);
        dialog.gpus()->setValue(1);
        QVERIFY2(dialog.writeBundle(), qPrintable(dialog.result()));
        const QString job = read(tmp.filePath(QStringLiteral("job/k8s/pytorchjob.yaml")));
        QVERIFY(job.contains(QStringLiteral("kind: PyTorchJob")));
        QVERIFY2(job.contains(QStringLiteral("replicas: 2")), "a Master and 2 Workers for 3 pods");
        QVERIFY(job.contains(QStringLiteral("nvidia.com/gpu: \"1\"")));
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("job/k8s/storage.yaml"))));
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("job/Dockerfile"))));
        QVERIFY(dialog.result().contains(QStringLiteral("kubectl apply")));
    }

    void aBadClaimIsNamedAndNothingIsWritten() {
        GraphDocument doc;
        QString error;
        QVERIFY(doc.load(QStringLiteral(NETLOOM_SOURCE_DIR "/projects/fashion-mnist-mlp.netloom"), &error));
        QTemporaryDir tmp;
        ClusterJobDialog dialog(&doc);
        dialog.setDestination(tmp.filePath(QStringLiteral("job")));
        dialog.dataClaim()->setText(QStringLiteral("Fashion_Data"));
        QVERIFY(!dialog.writeBundle());
        QVERIFY2(dialog.result().contains(QStringLiteral("Fashion_Data")), qPrintable(dialog.result()));
        QVERIFY(!QDir(tmp.filePath(QStringLiteral("job"))).exists());
    }

    void theModelMenuOpensIt() {
        MainWindow w;
        QAction* action = nullptr;
        for (QAction* a : w.menuBar()->findChildren<QAction*>(QStringLiteral("TrainOnCluster"))) action = a;
        QVERIFY2(action, "Model ▸ Train on a Cluster…");
        QVERIFY(action->isEnabled());
    }
};

QTEST_MAIN(TestClusterJob)
#include "tst_cluster_job.moc"
