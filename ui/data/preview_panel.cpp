#include "data/preview_panel.h"

#include <QCheckBox>
#include <QComboBox>
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

// "0.286, 0.353": short in the step list, round-trip exact in the editor (so a focus change does
// not rewrite the value).
QString formatValues(const std::vector<double>& values, int precision) {
    QStringList parts;
    for (double x : values) parts << QString::number(x, 'g', precision);
    return parts.join(QStringLiteral(", "));
}

QString describe(const ImageStep& s) {
    auto list = [](const std::vector<double>& v) { return formatValues(v, 4); };
    QString op = QString::fromStdString(s.op);
    if (s.op == "resize" || s.op == "center_crop") return QStringLiteral("%1 %2×%3").arg(op).arg(s.width).arg(s.height);
    if (s.op == "normalize") return PreviewPanel::tr("%1 mean [%2] std [%3]").arg(op, list(s.mean), list(s.std));
    if (s.op == "canny") return QStringLiteral("%1 %2–%3").arg(op).arg(s.low).arg(s.high);
    if (s.op == "random_rotation") return QStringLiteral("%1 ±%2°").arg(op).arg(s.degrees);
    if (s.op == "random_crop") return PreviewPanel::tr("%1 pad %2").arg(op).arg(s.padding);
    if (s.op == "random_flip") return PreviewPanel::tr("%1 p=%2").arg(op).arg(s.probability);
    if (s.op == "color_jitter") return PreviewPanel::tr("%1 b=%2 c=%3", "brightness, contrast").arg(op).arg(s.brightness).arg(s.contrast);
    return op;
}

std::vector<double> parseList(const QString& text, bool& ok) {
    std::vector<double> out;
    ok = true;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool one = false;
        double v = part.trimmed().toDouble(&one);
        if (!one) ok = false;
        out.push_back(v);
    }
    return out;
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
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
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
    connect(doc_, &GraphDocument::settingsChanged, this, [this] {
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
    for (const std::string& op : imageStepOps()) addOp_->addItem(QString::fromStdString(op));
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
    stepForm_ = new QFormLayout(params);
    auto spin = [](int lo, int hi) {
        auto* s = new QSpinBox;
        s->setRange(lo, hi);
        return s;
    };
    auto dspin = [](double lo, double hi, double step) {
        auto* s = new QDoubleSpinBox;
        s->setRange(lo, hi);
        s->setSingleStep(step);
        s->setDecimals(3);
        return s;
    };
    width_ = spin(1, 4096);
    height_ = spin(1, 4096);
    padding_ = spin(0, 64);
    low_ = dspin(0, 1000, 5);
    high_ = dspin(0, 1000, 5);
    degrees_ = dspin(0, 180, 1);
    brightness_ = dspin(0, 1, 0.05);
    contrast_ = dspin(0, 1, 0.05);
    probability_ = dspin(0, 1, 0.05);
    mean_ = new QLineEdit;
    std_ = new QLineEdit;
    mean_->setPlaceholderText(tr("one value per channel, e.g. 0.286"));
    std_->setPlaceholderText(tr("one value per channel, e.g. 0.353"));
    stepForm_->addRow(tr("Width"), width_);
    stepForm_->addRow(tr("Height"), height_);
    stepForm_->addRow(tr("Mean"), mean_);
    stepForm_->addRow(tr("Std"), std_);
    stepForm_->addRow(tr("Low threshold"), low_);
    stepForm_->addRow(tr("High threshold"), high_);
    stepForm_->addRow(tr("Degrees (±)"), degrees_);
    stepForm_->addRow(tr("Padding"), padding_);
    stepForm_->addRow(tr("Brightness"), brightness_);
    stepForm_->addRow(tr("Contrast"), contrast_);
    stepForm_->addRow(tr("Probability"), probability_);
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
        ImageStep step;
        step.op = addOp_->currentText().toStdString();
        if (step.op == "resize" || step.op == "center_crop") step.width = step.height = 28;
        if (step.op == "normalize") step.mean = {0.5}, step.std = {0.5};
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
    for (QSpinBox* s : {width_, height_, padding_})
        connect(s, &QSpinBox::valueChanged, this, [this] { commitImageSteps(tr("Edit preprocessing step")); });
    for (QDoubleSpinBox* s : {low_, high_, degrees_, brightness_, contrast_, probability_})
        connect(s, &QDoubleSpinBox::valueChanged, this, [this] { commitImageSteps(tr("Edit preprocessing step")); });
    for (QLineEdit* e : {mean_, std_})
        connect(e, &QLineEdit::editingFinished, this, [this] { commitImageSteps(tr("Edit preprocessing step")); });
    return split;
}

QWidget* PreviewPanel::buildTextEditor() {
    auto* split = new QSplitter(Qt::Horizontal);
    auto* editor = new QGroupBox(tr("Text pipeline"));
    auto* form = new QFormLayout(editor);
    lowercase_ = new QCheckBox(tr("Lowercase"));
    punctuation_ = new QCheckBox(tr("Strip punctuation"));
    stopWords_ = new QCheckBox(tr("Remove English stop words"));
    stem_ = new QCheckBox(tr("Stem (Snowball English)"));
    maxVocab_ = new QSpinBox;
    maxVocab_->setRange(3, 1000000);
    minFrequency_ = new QSpinBox;
    minFrequency_->setRange(1, 1000);
    length_ = new QSpinBox;
    length_->setRange(1, 4096);
    form->addRow(lowercase_);
    form->addRow(punctuation_);
    form->addRow(stopWords_);
    form->addRow(stem_);
    form->addRow(tr("Vocabulary size"), maxVocab_);
    form->addRow(tr("Minimum frequency"), minFrequency_);
    form->addRow(tr("Sequence length"), length_);
    editor->setMaximumWidth(360);
    split->addWidget(editor);
    text_ = new QTextBrowser;
    text_->setObjectName(QStringLiteral("TextPreview"));
    split->addWidget(text_);
    split->setStretchFactor(1, 1);
    for (QCheckBox* c : {lowercase_, punctuation_, stopWords_, stem_})
        connect(c, &QCheckBox::toggled, this, &PreviewPanel::commitTextSettings);
    for (QSpinBox* s : {maxVocab_, minFrequency_, length_})
        connect(s, &QSpinBox::valueChanged, this, &PreviewPanel::commitTextSettings);
    return split;
}

void PreviewPanel::showPipeline() {
    updating_ = true;
    const PipelineSpec& p = doc_->project().preprocess;
    int row = steps_->currentRow();
    steps_->clear();
    for (const ImageStep& s : p.image) {
        auto* item = new QListWidgetItem(describe(s));
        if (s.isAugmentation()) item->setToolTip(tr("Training only: never applied at inference or in the export"));
        if (s.isAugmentation()) item->setForeground(QColor(140, 90, 0));
        steps_->addItem(item);
    }
    if (steps_->count() > 0) steps_->setCurrentRow(std::clamp(row, 0, steps_->count() - 1));
    lowercase_->setChecked(p.text.lowercase);
    punctuation_->setChecked(p.text.stripPunctuation);
    stopWords_->setChecked(p.text.removeStopWords);
    stem_->setChecked(p.text.stem);
    maxVocab_->setValue(static_cast<int>(p.text.maxVocab));
    minFrequency_->setValue(static_cast<int>(p.text.minFrequency));
    length_->setValue(static_cast<int>(p.text.length));
    updating_ = false;
    showStepParameters();
}

void PreviewPanel::showStepParameters() {
    const auto& steps = doc_->project().preprocess.image;
    int row = steps_->currentRow();
    const ImageStep* s = row >= 0 && row < static_cast<int>(steps.size()) ? &steps[static_cast<size_t>(row)] : nullptr;
    const std::string op = s ? s->op : std::string();
    bool was = updating_;
    updating_ = true;
    auto show = [this](QWidget* w, bool on) { stepForm_->setRowVisible(w, on); };
    show(width_, op == "resize" || op == "center_crop");
    show(height_, op == "resize" || op == "center_crop");
    show(mean_, op == "normalize");
    show(std_, op == "normalize");
    show(low_, op == "canny");
    show(high_, op == "canny");
    show(degrees_, op == "random_rotation");
    show(padding_, op == "random_crop");
    show(brightness_, op == "color_jitter");
    show(contrast_, op == "color_jitter");
    show(probability_, op == "random_flip");
    if (s) {
        width_->setValue(static_cast<int>(s->width));
        height_->setValue(static_cast<int>(s->height));
        mean_->setText(formatValues(s->mean, QLocale::FloatingPointShortest));
        std_->setText(formatValues(s->std, QLocale::FloatingPointShortest));
        low_->setValue(s->low);
        high_->setValue(s->high);
        degrees_->setValue(s->degrees);
        padding_->setValue(static_cast<int>(s->padding));
        brightness_->setValue(s->brightness);
        contrast_->setValue(s->contrast);
        probability_->setValue(s->probability);
    }
    updating_ = was;
}

void PreviewPanel::commitImageSteps(const QString& what) {
    if (updating_) return;
    int row = steps_->currentRow();
    ProjectSettings s = doc_->settings();
    if (row < 0 || row >= static_cast<int>(s.preprocess.image.size())) return;
    ImageStep& step = s.preprocess.image[static_cast<size_t>(row)];
    step.width = width_->value();
    step.height = height_->value();
    bool okMean = true, okStd = true;
    std::vector<double> mean = parseList(mean_->text(), okMean), stdev = parseList(std_->text(), okStd);
    if (step.op == "normalize") {
        bool positive = std::all_of(stdev.begin(), stdev.end(), [](double v) { return v > 0; });
        if (!okMean || !okStd || mean.empty() || mean.size() != stdev.size() || !positive) {
            error_->setText(tr("Normalize needs as many means as standard deviations, one per channel, each std above 0."));
            error_->show();
            return;
        }
        step.mean = mean;
        step.std = stdev;
    }
    step.low = low_->value();
    step.high = high_->value();
    step.degrees = degrees_->value();
    step.padding = padding_->value();
    step.brightness = brightness_->value();
    step.contrast = contrast_->value();
    step.probability = probability_->value();
    doc_->setSettings(s, what);
}

void PreviewPanel::commitTextSettings() {
    if (updating_) return;
    ProjectSettings s = doc_->settings();
    TextPipelineSpec& t = s.preprocess.text;
    t.lowercase = lowercase_->isChecked();
    t.stripPunctuation = punctuation_->isChecked();
    t.removeStopWords = stopWords_->isChecked();
    t.stem = stem_->isChecked();
    t.maxVocab = maxVocab_->value();
    t.minFrequency = minFrequency_->value();
    t.length = length_->value();
    doc_->setSettings(s, tr("Edit text preprocessing"));
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
