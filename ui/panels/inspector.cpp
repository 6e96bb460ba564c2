#include "panels/inspector.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <set>

#include "document/graph_document.h"
#include "graph/layer_registry.h"

namespace netloom::ui {

Inspector::Inspector(GraphDocument* doc, QWidget* parent)
    : QWidget(parent), doc_(doc), form_(new QFormLayout), header_(new QLabel(this)), message_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    header_->setWordWrap(true);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #c0392b"));
    layout->addWidget(header_);
    layout->addLayout(form_);
    layout->addWidget(message_);
    layout->addStretch();
    connect(doc_, &GraphDocument::nodeChanged, this, [this](int id) {
        if (id == node_ && !updating_) rebuild();
    });
    connect(doc_, &GraphDocument::nodeRemoved, this, [this](int id) {
        if (id == node_) showNode(0);
    });
    connect(doc_, &GraphDocument::documentReset, this, [this] { showNode(0); });
    // An Input that follows the data shows what it takes now: the preprocessing or the data changed it.
    connect(doc_, &GraphDocument::analysisChanged, this, [this] {
        const Node* n = doc_->graph().node(node_);
        if (n && followsData(*n) && !(effectiveParams(*n, doc_->dataInput()) == shown_)) rebuild();
    });
    showNode(0);
}

void Inspector::showNode(NodeId id) {
    node_ = id;
    rebuild();
}

void Inspector::focusName() {
    if (!name_) return;
    name_->setFocus(Qt::ShortcutFocusReason);
    name_->selectAll();
}

void Inspector::rebuild() {
    name_ = nullptr;
    while (form_->rowCount() > 0) form_->removeRow(0);
    message_->clear();
    const Node* n = doc_->graph().node(node_);
    const LayerSpec* spec = n ? LayerRegistry::instance().find(n->type) : nullptr;
    if (!spec) {
        header_->setText(tr("Select a layer to edit its parameters."));
        return;
    }
    auto headerFor = [](const Node& node, const LayerSpec& layer) {
        return QStringLiteral("<b>%1</b> — %2<br><small>%3</small>")
            .arg(QString::fromStdString(node.name).toHtmlEscaped(), QString::fromStdString(layer.type),
                 QString::fromStdString(layer.description).toHtmlEscaped());
    };
    header_->setText(headerFor(*n, *spec));
    // An Input that follows the data shows the kind and shape it takes, read-only.
    const bool follows = followsData(*n);
    shown_ = effectiveParams(*n, doc_->dataInput());
    ParamReader reader(spec->params, shown_);
    const NodeId id = node_;
    // The name first: Enter or leaving the field renames (one undo step); a refused name comes back.
    name_ = new QLineEdit(QString::fromStdString(n->name), this);
    name_->setObjectName(QStringLiteral("layerName"));
    name_->setToolTip(tr("The layer's name, unique in the network (F2)."));
    connect(name_, &QLineEdit::editingFinished, this, [this, id, headerFor, spec] {
        QLineEdit* edit = name_;
        if (!edit) return;
        QString why;
        updating_ = true;
        const bool ok = doc_->renameNode(id, edit->text(), &why);
        updating_ = false;
        message_->setText(ok ? QString() : why);
        if (const Node* node = doc_->graph().node(id)) {
            if (!ok) edit->setText(QString::fromStdString(node->name));
            header_->setText(headerFor(*node, *spec));
        }
    });
    form_->addRow(tr("Name"), name_);
    auto apply = [this, id](const std::string& name, ParamValue v) {
        QString why;
        updating_ = true;
        bool ok = doc_->setParameter(id, QString::fromStdString(name), v, &why);
        updating_ = false;
        message_->setText(ok ? QString() : tr("%1: %2").arg(QString::fromStdString(name), why));
        // Another kind shows other fields: rebuild once the combo's signal has returned.
        if (ok && name == "kind") QTimer::singleShot(0, this, [this] { rebuild(); });
    };
    // Only the current kind's fields (the Input's image, vector or tokens fields).
    std::set<std::string> kindField, shownField;
    for (const auto& [kind, fields] : spec->kindFields) kindField.insert(fields.begin(), fields.end());
    if (!spec->kindFields.empty())
        if (auto it = spec->kindFields.find(reader.choice("kind")); it != spec->kindFields.end())
            shownField.insert(it->second.begin(), it->second.end());
    for (const ParamSpec& p : spec->params) {
        QWidget* editor = nullptr;
        const std::string name = p.name;
        if (kindField.count(name) && !shownField.count(name)) continue;
        if (name == "shape_from" && n->type == "Input") {
            auto* box = new QCheckBox(tr("Follows the data"), this);
            box->setChecked(follows);
            box->setToolTip(tr("The kind and shape come from the dataset and its preprocessing; "
                               "untick to type them yourself."));
            box->setObjectName(QStringLiteral("shape_from"));
            connect(box, &QCheckBox::toggled, this, [this, id](bool on) {
                // The fields change from read-only to editable: rebuild after the signal returns.
                updating_ = true;
                doc_->setFollowsData(id, on);
                updating_ = false;
                QTimer::singleShot(0, this, [this] { rebuild(); });
            });
            form_->addRow(tr("Shape"), box);
            continue;
        }
        switch (p.kind) {
        case ParamKind::Int: {
            auto* box = new QSpinBox(this);
            box->setRange(static_cast<int>(std::max(p.min, -2e9)), static_cast<int>(std::min(p.max, 2e9)));
            box->setValue(static_cast<int>(reader.integer(name)));
            box->setKeyboardTracking(false);
            connect(box, &QSpinBox::valueChanged, this, [apply, name](int v) { apply(name, int64_t{v}); });
            editor = box;
            break;
        }
        case ParamKind::Float: {
            auto* box = new QDoubleSpinBox(this);
            box->setDecimals(p.max <= 1 ? 4 : 2);
            box->setRange(p.min, p.max);
            box->setSingleStep(p.max <= 1 ? 0.01 : 0.1);
            box->setValue(reader.number(name));
            box->setKeyboardTracking(false);
            connect(box, &QDoubleSpinBox::valueChanged, this, [apply, name](double v) { apply(name, v); });
            editor = box;
            break;
        }
        case ParamKind::Bool: {
            auto* box = new QCheckBox(this);
            box->setChecked(reader.flag(name));
            connect(box, &QCheckBox::toggled, this, [apply, name](bool v) { apply(name, v); });
            editor = box;
            break;
        }
        case ParamKind::Choice: {
            auto* box = new QComboBox(this);
            for (const auto& c : p.choices) box->addItem(QString::fromStdString(c));
            box->setCurrentText(QString::fromStdString(reader.choice(name)));
            connect(box, &QComboBox::currentTextChanged, this,
                    [apply, name](const QString& v) { apply(name, v.toStdString()); });
            editor = box;
            break;
        }
        case ParamKind::IntList: {
            auto* edit = new QLineEdit(this);
            QStringList parts;
            for (int64_t v : reader.list(name)) parts << QString::number(v);
            edit->setText(parts.join(QStringLiteral(", ")));
            connect(edit, &QLineEdit::editingFinished, this, [this, edit, apply, name] {
                std::vector<int64_t> values;
                for (const QString& part : edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    bool ok = false;
                    qlonglong v = part.trimmed().toLongLong(&ok);
                    if (!ok) {
                        message_->setText(tr("%1: \"%2\" is not a whole number").arg(QString::fromStdString(name), part.trimmed()));
                        return;
                    }
                    values.push_back(v);
                }
                apply(name, values);
            });
            editor = edit;
            break;
        }
        }
        editor->setToolTip(QString::fromStdString(p.help));
        editor->setObjectName(QString::fromStdString(name));
        if (follows && (name == "kind" || kindField.count(name))) {
            editor->setEnabled(false);
            editor->setToolTip(tr("From the data. %1").arg(QString::fromStdString(p.help)));
        }
        form_->addRow(QString::fromStdString(name), editor);
    }
}

}  // namespace netloom::ui
