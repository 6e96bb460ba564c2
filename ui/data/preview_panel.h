#pragma once
// The preprocessing preview: one sample after every step of the project's pipeline, side by
// side, computed by the same core code training runs; the pipeline editor beside it changes the
// project (undoably) and the preview follows at once.
#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QStackedWidget;
class QTextBrowser;

namespace netloom {
class TextEncoder;
}

namespace netloom::ui {

class DatasetSource;
class GraphDocument;

class PreviewPanel : public QWidget {
    Q_OBJECT
public:
    PreviewPanel(GraphDocument* doc, DatasetSource* source, QWidget* parent = nullptr);
    ~PreviewPanel() override;

    // Step captions currently shown (tests read them), and the text view's HTML.
    QStringList stepCaptions() const;
    QList<QSize> stepImageSizes() const;
    QString textHtml() const;
    QListWidget* stepList() const { return steps_; }
    void setAugment(bool on);

public Q_SLOTS:
    void setSample(int row);
    void randomSample();
    void reroll();
    void refresh();

private:
    QWidget* buildImageEditor();
    QWidget* buildTextEditor();
    void showPipeline();
    void showStepParameters();
    void commitImageSteps(const QString& what);
    void commitTextSettings();
    void refreshImage();
    void refreshText();
    void resizeEvent(QResizeEvent* event) override;

    GraphDocument* doc_;
    DatasetSource* source_;
    bool updating_ = false;
    quint64 seed_ = 1;

    QSpinBox* sample_;
    QCheckBox* augment_;
    QLabel* error_;
    QStackedWidget* modes_;
    // Image pipeline editor.
    QListWidget* steps_;
    QComboBox* addOp_;
    QFormLayout* stepForm_;
    QSpinBox *width_, *height_, *padding_;
    QDoubleSpinBox *low_, *high_, *degrees_, *brightness_, *contrast_, *probability_;
    QLineEdit *mean_, *std_;
    QWidget* strip_;
    QGridLayout* stripLayout_;  // the steps in reading order, wrapped to the panel's width
    QStringList captions_;
    QList<QSize> sizes_;
    // Text pipeline editor.
    QCheckBox *lowercase_, *punctuation_, *stopWords_, *stem_;
    QSpinBox *maxVocab_, *minFrequency_, *length_;
    QTextBrowser* text_;
    std::unique_ptr<TextEncoder> encoder_;
    const void* encoderData_ = nullptr;  // the browser the vocabulary was fitted on
};

}  // namespace netloom::ui
