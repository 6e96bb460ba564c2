#pragma once
// The preprocessing preview: one sample after every step of the project's pipeline, side by
// side, computed by the same core code training runs; the pipeline editor beside it changes the
// project (undoably) and the preview follows at once.
#include <QWidget>
#include <memory>
#include <string>
#include <vector>

#include "graph/param.h"

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
class ParamEditor;
class SettingsForm;

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
    void commitStepParameter(int row, const std::string& name, const ParamValue& value);
    void refreshImage();
    void refreshText();
    void resizeEvent(QResizeEvent* event) override;

    GraphDocument* doc_;
    DatasetSource* source_;
    quint64 seed_ = 1;

    QSpinBox* sample_;
    QCheckBox* augment_;
    QLabel* error_;
    QStackedWidget* modes_;
    // Image pipeline editor.
    QListWidget* steps_;
    QComboBox* addOp_;
    QFormLayout* stepForm_;
    std::vector<ParamEditor*> stepEditors_;  // the selected step's parameters
    QString shownStep_;                      // "row:op" the editors were built for
    QWidget* strip_;
    QGridLayout* stripLayout_;  // the steps in reading order, wrapped to the panel's width
    QStringList captions_;
    QList<QSize> sizes_;
    // Text pipeline editor.
    SettingsForm* textForm_;
    QTextBrowser* text_;
    std::unique_ptr<TextEncoder> encoder_;
    const void* encoderData_ = nullptr;  // the browser the vocabulary was fitted on
};

}  // namespace netloom::ui
