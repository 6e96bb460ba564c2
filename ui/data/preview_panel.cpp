#include "data/preview_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "data/dataset_source.h"
#include "data/image_conversion.h"
#include "document/graph_document.h"
#include "preferences/theme.h"
#include "forms/param_editor.h"
#include "forms/settings_form.h"
#include "preprocess/text_pipeline.h"

namespace netloom::ui {

namespace {

// The range of a float step beside its image: the colour map from min (bottom) to max (top).
class ColorBar : public QWidget {
public:
    ColorBar(float lo, float hi, QWidget* parent = nullptr) : QWidget(parent), lo_(lo), hi_(hi) {
        setFixedWidth(64);
        setMinimumHeight(120);
    }
protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        const QRect bar(4, 8, 14, height() - 16);
        for (int y = 0; y < bar.height(); ++y) {
            p.setPen(colorMapAt(1.0 - static_cast<double>(y) / std::max(1, bar.height() - 1)));
            p.drawLine(bar.left(), bar.top() + y, bar.right(), bar.top() + y);
        }
        p.setPen(palette().color(QPalette::WindowText));
        p.drawRect(bar);
        p.drawText(QPoint(bar.right() + 4, bar.top() + fontMetrics().ascent() / 2), QString::number(hi_, 'g', 3));
        p.drawText(QPoint(bar.right() + 4, bar.bottom() + fontMetrics().ascent() / 2), QString::number(lo_, 'g', 3));
    }
private:
    float lo_, hi_;
};

// "Resize 32×32": the operation's translated label and its values.
QString describe(const ImageStep& s) {
    const ImageOpSpec* spec = findImageOp(s.op);
    if (!spec) return QString::fromStdString(s.op);
    QString label = QCoreApplication::translate("ImageOp", spec->label.c_str());
    if (!spec->summary) return label;
    return QStringLiteral("%1 %2").arg(label, QString::fromStdString(spec->summary(s.read())));
}

}  // namespace

PreviewPanel::PreviewPanel(GraphDocument* doc, DatasetSource* source, QWidget* parent)
    : QWidget(parent), doc_(doc), source_(source) {
    setObjectName(QStringLiteral("PreviewPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    sample_ = new QSpinBox;
    sample_->setRange(0, 0);
    auto* random = new QPushButton(tr("Random sample"));
    augment_ = new QCheckBox(tr("Show training-time augmentation"));
    auto* rerollButton = new QPushButton(tr("Reroll"));
    rerollButton->setToolTip(tr("Draw the random augmentation again"));
    top->addWidget(new QLabel(tr("Sample")));
    top->addWidget(sample_);
    top->addWidget(random);
    top->addSpacing(16);
    top->addWidget(augment_);
    top->addWidget(rerollButton);
    top->addStretch(1);
    layout->addLayout(top);
    error_ = new QLabel;
    error_->setStyleSheet(QStringLiteral("color: %1;").arg(errorColor().name()));
    error_->setWordWrap(true);
    error_->hide();
    layout->addWidget(error_);

    modes_ = new QStackedWidget;
    modes_->addWidget(buildImageEditor());
    modes_->addWidget(buildTextEditor());
    layout->addWidget(modes_, 1);

    connect(sample_, &QSpinBox::valueChanged, this, &PreviewPanel::refresh);
    connect(random, &QPushButton::clicked, this, &PreviewPanel::randomSample);
    connect(augment_, &QCheckBox::toggled, this, &PreviewPanel::refresh);
    connect(rerollButton, &QPushButton::clicked, this, &PreviewPanel::reroll);
    connect(source_, &DatasetSource::loaded, this, [this] {
        auto b = source_->browser();
        sample_->setRange(0, std::max<int>(0, static_cast<int>(b->sampleCount()) - 1));
        encoder_.reset();
        showPipeline();
        refresh();
    });
    connect(doc_, &GraphDocument::preprocessingChanged, this, [this] {
        showPipeline();
        refresh();
    });
    connect(doc_, &GraphDocument::documentReset, this, &PreviewPanel::showPipeline);
    showPipeline();
}

PreviewPanel::~PreviewPanel() = default;

QWidget* PreviewPanel::buildImageEditor() {
    auto* split = new QSplitter(Qt::Horizontal);
    auto* editor = new QGroupBox(tr("Image pipeline"));
    auto* v = new QVBoxLayout(editor);
    steps_ = new QListWidget;
    steps_->setObjectName(QStringLiteral("PipelineSteps"));
    v->addWidget(steps_, 1);
    auto* buttons = new QHBoxLayout;
    addOp_ = new QComboBox;
    addOp_->setObjectName(QStringLiteral("AddStepOperation"));
    for (const ImageOpSpec& op : imageOps()) {
        addOp_->addItem(QCoreApplication::translate("ImageOp", op.label.c_str()), QString::fromStdString(op.op));
        addOp_->setItemData(addOp_->count() - 1, QString::fromStdString(op.description), Qt::ToolTipRole);
    }
    auto* add = new QPushButton(tr("Add"));
    auto* remove = new QPushButton(tr("Remove"));
    auto* up = new QPushButton(tr("Up"));
    auto* down = new QPushButton(tr("Down"));
    buttons->addWidget(addOp_, 1);
    buttons->addWidget(add);
    v->addLayout(buttons);
    auto* order = new QHBoxLayout;
    order->addWidget(remove);
    order->addWidget(up);
    order->addWidget(down);
    v->addLayout(order);

    auto* params = new QWidget;
    params->setObjectName(QStringLiteral("StepParameters"));
    stepForm_ = new QFormLayout(params);
    v->addWidget(params);
    editor->setMinimumWidth(280);
    editor->setMaximumWidth(360);
    split->addWidget(editor);

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    strip_ = new QWidget;
    strip_->setObjectName(QStringLiteral("PreviewStrip"));
    stripLayout_ = new QGridLayout(strip_);
    stripLayout_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    scroll->setWidget(strip_);
    split->addWidget(scroll);
    split->setStretchFactor(1, 1);

    connect(steps_, &QListWidget::currentRowChanged, this, &PreviewPanel::showStepParameters);
    connect(add, &QPushButton::clicked, this, [this] {
        ProjectSettings s = doc_->settings();
        ImageStep step = ImageStep::make(addOp_->currentData().toString().toStdString());
        int at = steps_->currentRow() < 0 ? static_cast<int>(s.preprocess.image.size()) : steps_->currentRow() + 1;
        s.preprocess.image.insert(s.preprocess.image.begin() + at, step);
        doc_->setSettings(s, tr("Add preprocessing step"));
        steps_->setCurrentRow(at);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        int row = steps_->currentRow();
        ProjectSettings s = doc_->settings();
        if (row < 0 || row >= static_cast<int>(s.preprocess.image.size())) return;
        s.preprocess.image.erase(s.preprocess.image.begin() + row);
        doc_->setSettings(s, tr("Remove preprocessing step"));
    });
    auto move = [this](int delta) {
        int row = steps_->currentRow();
        ProjectSettings s = doc_->settings();
        int to = row + delta;
        if (row < 0 || to < 0 || to >= static_cast<int>(s.preprocess.image.size())) return;
        std::swap(s.preprocess.image[static_cast<size_t>(row)], s.preprocess.image[static_cast<size_t>(to)]);
        doc_->setSettings(s, tr("Reorder preprocessing steps"));
        steps_->setCurrentRow(to);
    };
    connect(up, &QPushButton::clicked, this, [move] { move(-1); });
    connect(down, &QPushButton::clicked, this, [move] { move(+1); });
    return split;
}

QWidget* PreviewPanel::buildTextEditor() {
    auto* split = new QSplitter(Qt::Horizontal);
    auto* editor = new QGroupBox(tr("Text pipeline"));
    auto* v = new QVBoxLayout(editor);
    textForm_ = new SettingsForm(doc_, {"preprocess.text."});
    v->addWidget(textForm_);
    v->addStretch(1);
    editor->setMaximumWidth(360);
    split->addWidget(editor);
    text_ = new QTextBrowser;
    text_->setObjectName(QStringLiteral("TextPreview"));
    split->addWidget(text_);
    split->setStretchFactor(1, 1);
    return split;
}

// The step list follows the project; the items are rewritten in place (signals blocked) so the
// selection, and the editors of the selected step, survive every edit.
void PreviewPanel::showPipeline() {
    const PipelineSpec& p = doc_->project().preprocess;
    {
        const QSignalBlocker block(steps_);
        const int row = steps_->currentRow();
        while (steps_->count() > static_cast<int>(p.image.size())) delete steps_->takeItem(steps_->count() - 1);
        while (steps_->count() < static_cast<int>(p.image.size())) steps_->addItem(new QListWidgetItem);
        for (int i = 0; i < steps_->count(); ++i) {
            const ImageStep& s = p.image[static_cast<size_t>(i)];
            QListWidgetItem* item = steps_->item(i);
            item->setText(describe(s));
            item->setToolTip(s.isAugmentation() ? tr("Training only: never applied at inference or in the export") : QString());
            item->setForeground(s.isAugmentation() ? QColor(140, 90, 0) : palette().color(QPalette::Text));
        }
        if (steps_->count() > 0) steps_->setCurrentRow(std::clamp(row, 0, steps_->count() - 1));
    }
    textForm_->showValues();
    showStepParameters();
}

// The selected step's parameters as editors built from its operation's declaration. The form is
// rebuilt only when another step (or another operation) is selected; otherwise the editors just
// show the current values, so nothing the user is typing is lost.
void PreviewPanel::showStepParameters() {
    const auto& steps = doc_->project().preprocess.image;
    int row = steps_->currentRow();
    const ImageStep* s = row >= 0 && row < static_cast<int>(steps.size()) ? &steps[static_cast<size_t>(row)] : nullptr;
    const QString shown = s ? QStringLiteral("%1:%2").arg(row).arg(QString::fromStdString(s->op)) : QString();
    if (shown != shownStep_) {
        shownStep_ = shown;
        // Taken out and deleted later: an editor may be the one reporting the edit that got us here.
        while (stepForm_->rowCount() > 0) {
            QFormLayout::TakeRowResult taken = stepForm_->takeRow(0);
            for (QLayoutItem* part : {taken.labelItem, taken.fieldItem}) {
                if (part && part->widget()) part->widget()->deleteLater();
                delete part;
            }
        }
        stepEditors_.clear();
        if (!s) return;
        for (const ParamSpec& p : s->spec().params) {
            auto* editor = new ParamEditor(p);
            editor->field()->setObjectName(QString::fromStdString(p.name));
            const std::string name = p.name;
            editor->edited = [this, row, name](const ParamValue& v) { commitStepParameter(row, name, v); };
            editor->rejected = [this](const QString& why) {
                error_->setText(why);
                error_->show();
            };
            stepForm_->addRow(p.label.empty() ? QString::fromStdString(p.name) : QCoreApplication::translate("ImageOp", p.label.c_str()),
                              editor);
            stepEditors_.push_back(editor);
        }
    }
    if (!s) return;
    ParamReader values = s->read();
    for (ParamEditor* e : stepEditors_) e->setValue(values.value(e->spec().name));
}

// One parameter of one step: only that value changes in the project.
void PreviewPanel::commitStepParameter(int row, const std::string& name, const ParamValue& value) {
    ProjectSettings s = doc_->settings();
    if (row < 0 || row >= static_cast<int>(s.preprocess.image.size())) return;
    ImageStep& step = s.preprocess.image[static_cast<size_t>(row)];
    step.params.set(name, value);
    if (std::string why = step.problem(); !why.empty()) {
        error_->setText(QString::fromStdString(why));
        error_->show();
        return;
    }
    error_->hide();
    doc_->setSettings(s, tr("Edit %1").arg(describe(step)),
                      QStringLiteral("preprocess.image.%1.%2").arg(row).arg(QString::fromStdString(name)));
}

void PreviewPanel::setSample(int row) { sample_->setValue(row); }
void PreviewPanel::setAugment(bool on) { augment_->setChecked(on); }

void PreviewPanel::randomSample() {
    auto b = source_->browser();
    if (!b || b->sampleCount() == 0) return;
    sample_->setValue(static_cast<int>(QRandomGenerator::global()->bounded(static_cast<quint64>(b->sampleCount()))));
}

void PreviewPanel::reroll() {
    seed_ = QRandomGenerator::global()->generate64();
    if (!augment_->isChecked()) augment_->setChecked(true);  // a reroll only shows with augmentation on
    else refresh();
}

void PreviewPanel::refresh() {
    error_->hide();
    auto b = source_->browser();
    if (!b) return;
    if (b->kind() == DataBrowser::Kind::Text) {
        modes_->setCurrentIndex(1);
        refreshText();
    } else if (b->kind() == DataBrowser::Kind::Images) {
        modes_->setCurrentIndex(0);
        refreshImage();
    } else {
        modes_->setCurrentIndex(1);
        text_->setHtml(tr("<p>Tabular data is standardised (numeric columns, with statistics of the training split) and "
                          "one-hot encoded (categorical columns) when it is loaded; see the dataset browser.</p>"));
    }
}

void PreviewPanel::refreshImage() {
    auto b = source_->browser();
    while (QLayoutItem* item = stripLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    captions_.clear();
    sizes_.clear();
    // As many columns as fit, so every step is in view without scrolling sideways.
    const int viewport = strip_->parentWidget() ? strip_->parentWidget()->width() : width();
    const int columns = std::max(1, viewport / 250);
    std::string error;
    RawImage raw = b->image(sample_->value(), &error);
    std::vector<PreviewStep> steps;
    if (!raw.empty())
        steps = previewImagePipeline(doc_->project().preprocess.image, raw, augment_->isChecked(), seed_, error);
    if (steps.empty()) {
        error_->setText(tr("The pipeline cannot run on this sample: %1").arg(QString::fromStdString(error)));
        error_->show();
    }
    for (const PreviewStep& s : steps) {
        auto* tile = new QWidget;
        auto* v = new QVBoxLayout(tile);
        QString caption = QString::fromStdString(s.label);
        auto* title = new QLabel(QStringLiteral("<b>%1</b><br>%2×%3×%4%5")
                                     .arg(caption.toHtmlEscaped())
                                     .arg(s.width)
                                     .arg(s.height)
                                     .arg(s.channels)
                                     .arg(s.isFloat ? tr(" float") : tr(" uint8")));
        title->setAlignment(Qt::AlignCenter);
        v->addWidget(title);
        auto* row = new QHBoxLayout;
        auto* image = new QLabel;
        QImage img = toQImage(s);
        const int side = 168;
        int scale = std::max(1, side / std::max(1, std::max(img.width(), img.height())));
        image->setPixmap(QPixmap::fromImage(img.scaled(img.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation)));
        image->setToolTip(s.isFloat ? tr("values from %1 to %2").arg(s.minValue).arg(s.maxValue) : QString());
        row->addWidget(image);
        if (s.isFloat) row->addWidget(new ColorBar(s.minValue, s.maxValue));
        v->addLayout(row);
        v->addStretch(1);
        stripLayout_->addWidget(tile, static_cast<int>(captions_.size()) / columns, static_cast<int>(captions_.size()) % columns);
        captions_ << caption;
        sizes_ << QSize(s.width, s.height);
    }
}

void PreviewPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (modes_->currentIndex() == 0 && !captions_.isEmpty()) refreshImage();
}

void PreviewPanel::refreshText() {
    auto b = source_->browser();
    const TextPipelineSpec& spec = doc_->project().preprocess.text;
    TextPipelineSpec tokenizer = spec, fitted = encoder_ ? encoder_->spec() : spec;
    tokenizer.length = fitted.length = 0;  // the length pads and truncates; the vocabulary does not depend on it
    if (!encoder_ || !(fitted == tokenizer) || encoderData_ != b.get()) {
        // The vocabulary comes from the training split, as in training.
        encoder_ = std::make_unique<TextEncoder>(spec);
        encoder_->fit(b->trainingTexts());
        encoderData_ = b.get();
    } else {
        encoder_->setLength(spec.length);
    }
    TextSteps st = encoder_->steps(b->text(sample_->value()));
    auto esc = [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); };
    QString html;
    html += tr("<h4>Original</h4><pre style='white-space: pre-wrap'>%1</pre>").arg(esc(st.original));
    html += tr("<h4>Cleaned</h4><pre style='white-space: pre-wrap'>%1</pre>").arg(esc(st.cleaned));
    QStringList tokens;
    const QString oovTitle = tr("out of vocabulary").toHtmlEscaped();
    for (size_t i = 0; i < st.tokens.size(); ++i) {
        bool oov = i < st.outOfVocabulary.size() && st.outOfVocabulary[i];
        tokens << (oov ? QStringLiteral("<span style='background:#f8c0c0' title='%1'>%2</span>").arg(oovTitle, esc(st.tokens[i]))
                       : QStringLiteral("<span style='background:#e4ecf7'>%1</span>").arg(esc(st.tokens[i])));
    }
    html += tr("<h4>Tokens (%1; out-of-vocabulary in red)</h4><p>%2</p>").arg(st.tokens.size()).arg(tokens.join(QStringLiteral(" ")));
    QStringList ids;
    for (size_t i = 0; i < st.ids.size(); ++i) {
        int64_t id = st.ids[i];
        if (static_cast<int64_t>(i) < st.padding) ids << QStringLiteral("<span style='color:#999'>%1</span>").arg(id);
        else if (id == kOovId) ids << QStringLiteral("<span style='color:#c00000'>%1</span>").arg(id);
        else ids << QString::number(id);
    }
    html += tr("<h4>Ids (length %1; %2 padding ids in gray, in front; vocabulary %3)</h4><p style='font-family:monospace'>%4</p>")
                .arg(st.ids.size())
                .arg(st.padding)
                .arg(encoder_->vocabularySize())
                .arg(ids.join(QStringLiteral(" ")));
    text_->setHtml(html);
}

QStringList PreviewPanel::stepCaptions() const { return captions_; }
QList<QSize> PreviewPanel::stepImageSizes() const { return sizes_; }
QString PreviewPanel::textHtml() const { return text_->toHtml(); }

}  // namespace netloom::ui
