#include "modules/usagers/CitizenForm.h"

#include "core/base/Validators.h"
#include "ui/citizen/CitizenFormat.h"
#include "ui/citizen/FieldErrorDisplay.h"
#include "ui/citizen/FieldErrorLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace iris::usagers {

namespace fmt = ui::citizenformat;

static QString s(const char* latin1)
{
    return QString::fromLatin1(latin1);
}

CitizenForm::CitizenForm(QWidget* parent)
    : QWidget(parent)
    , m_errors(new ui::FieldErrorDisplay(this))
{
    setObjectName(QStringLiteral("citizenForm"));
    setStyleSheet(QStringLiteral("QLineEdit[invalid=\"true\"], QComboBox[invalid=\"true\"],"
                                 " QPlainTextEdit[invalid=\"true\"] { border: 1px solid #b00020; }"));

    auto* identity = new QGroupBox(tr("Identité"), this);
    auto* idForm = new QFormLayout(identity);
    m_civilite = new QComboBox(identity);
    m_civilite->addItem(tr("—"), QString());
    m_civilite->addItem(tr("Mme"), s("Mme"));
    m_civilite->addItem(tr("M."), s("M."));
    addErrorRow(idForm, s("civilite"), m_civilite, tr("&Civilité"));
    m_nomUsage = addLine(idForm, s("nomUsage"), tr("Nom d'&usage"));
    m_nomNaissance = addLine(idForm, s("nomNaissance"), tr("Nom de &naissance"));
    m_prenoms = addLine(idForm, s("prenoms"), tr("&Prénoms"), tr("Dans l'ordre de l'état civil"));
    m_birthDate = addLine(idForm, s("birthDate"), tr("Date de nai&ssance"), tr("jj/mm/aaaa"));
    m_birthPlace = addLine(idForm, s("birthPlace"), tr("&Lieu de naissance"), tr("Commune (pays si étranger)"));
    m_nir = addLine(idForm, s("nir"), tr("N° de sécurité sociale"), tr("15 caractères, facultatif"));

    auto* contact = new QGroupBox(tr("Coordonnées"), this);
    auto* coForm = new QFormLayout(contact);
    m_line1 = addLine(coForm, s("addressLine1"), tr("&Adresse"), tr("N° et voie"));
    m_line2 = addLine(coForm, s("addressLine2"), tr("Complément"), tr("Bâtiment, étage…"));
    m_postcode = addLine(coForm, s("postcode"), tr("Code p&ostal"));
    m_postcode->setMaxLength(6);
    m_city = addLine(coForm, s("city"), tr("&Ville"));
    // An example, never a number that looks typed in: ARCEP reserves 06 39 98 xx xx for
    // fiction, so it is nobody's number.
    m_phone = addLine(coForm, s("phone"), tr("&Téléphone"), tr("ex. 06 39 98 12 34"));
    m_phone2 = addLine(coForm, s("phone2"), tr("Autre téléphone"));
    m_email = addLine(coForm, s("email"), tr("Courri&el"));
    m_channel = new QComboBox(contact);
    m_channel->addItem(tr("—"), QString());
    for (const char* id : {"visite", "telephone", "courriel", "courrier"})
        m_channel->addItem(fmt::channelLabel(s(id)), s(id));
    addErrorRow(coForm, s("preferredChannel"), m_channel, tr("Canal &préféré"));
    m_consent = new QCheckBox(tr("Accepte d'être contacté(e) par la mairie"), contact);
    addErrorRow(coForm, s("consentContact"), m_consent, tr("Consentement"));

    auto* notesBox = new QGroupBox(tr("Notes"), this);
    auto* notesLayout = new QVBoxLayout(notesBox);
    m_notes = new QPlainTextEdit(notesBox);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(80);
    auto* notesError = new ui::FieldErrorLabel(notesBox);
    notesError->setObjectName(QStringLiteral("notesError"));
    notesLayout->addWidget(m_notes);
    notesLayout->addWidget(notesError);
    m_errors->bind(s("notes"), m_notes, notesError);
    m_fieldLabels.append({s("notes"), notesBox->title()});

    // Field ids the core may use for the same inputs.
    m_errors->alias(s("nom"), s("nomUsage"));
    m_errors->alias(s("address"), s("addressLine1"));
    m_errors->alias(s("address.line1"), s("addressLine1"));
    m_errors->alias(s("line1"), s("addressLine1"));
    m_errors->alias(s("address.line2"), s("addressLine2"));
    m_errors->alias(s("line2"), s("addressLine2"));
    m_errors->alias(s("address.postcode"), s("postcode"));
    m_errors->alias(s("address.city"), s("city"));
    m_errors->alias(s("consent"), s("consentContact"));

    auto* columns = new QHBoxLayout;
    columns->addWidget(identity, 1);
    columns->addWidget(contact, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(columns);
    layout->addWidget(notesBox);
    layout->addStretch(1);

    for (QLineEdit* e : {m_nomUsage, m_nomNaissance, m_prenoms, m_birthDate, m_phone, m_phone2, m_email})
        connect(e, &QLineEdit::textEdited, this, &CitizenForm::identityEdited);
    for (QLineEdit* e : findChildren<QLineEdit*>())
        connect(e, &QLineEdit::textEdited, this, [this] { m_modified = true; Q_EMIT edited(); });
    for (QComboBox* c : {m_civilite, m_channel})
        connect(c, &QComboBox::activated, this, [this] { m_modified = true; Q_EMIT edited(); });
    connect(m_consent, &QCheckBox::clicked, this, [this] { m_modified = true; Q_EMIT edited(); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (m_notes->hasFocus()) {
            m_modified = true;
            Q_EMIT edited();
        }
    });
    setFocusProxy(m_civilite);
}

CitizenForm::~CitizenForm() = default;

QLineEdit* CitizenForm::addLine(QFormLayout* form, const QString& field, const QString& label,
                                const QString& placeholder)
{
    auto* edit = new QLineEdit(this);
    edit->setPlaceholderText(placeholder);
    // Wide enough for its hint, and for a name or a town, without scrolling inside.
    const QFontMetrics fm(edit->font());
    edit->setMinimumWidth(qMax(fm.horizontalAdvance(placeholder), fm.averageCharWidth() * 18) + 12);
    addErrorRow(form, field, edit, label);
    return edit;
}

void CitizenForm::addErrorRow(QFormLayout* form, const QString& field, QWidget* input, const QString& label)
{
    // Input and its error line stacked in one cell, so a hidden error takes no room.
    auto* cell = new QWidget(this);
    auto* box = new QVBoxLayout(cell);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    input->setParent(cell);
    const char* suffix = qobject_cast<QComboBox*>(input) ? "Combo"
        : qobject_cast<QCheckBox*>(input)                ? "Check"
                                                         : "Edit";
    input->setObjectName(QString(field + QLatin1String(suffix)));
    auto* error = new ui::FieldErrorLabel(cell);
    error->setObjectName(QString(field + QLatin1String("Error")));
    box->addWidget(input);
    box->addWidget(error);
    auto* caption = new QLabel(label, this);
    caption->setBuddy(input);
    caption->setMinimumWidth(captionWidth(label, caption->fontMetrics()));
    form->addRow(caption, cell);
    m_errors->bind(field, input, error);
    m_fieldLabels.append({field, QString(label).remove(QLatin1Char('&'))});
}

int CitizenForm::captionWidth(const QString& label, const QFontMetrics& fm)
{
    // The underlined mnemonic letter is drawn as a run of its own, without the kerning
    // QLabel's size hint counts on: "&Téléphone" is drawn wider than it measures. Room
    // for the runs as drawn, so no caption loses its last letter.
    const qsizetype amp = label.indexOf(QLatin1Char('&'));
    if (amp < 0 || amp + 1 >= label.size())
        return fm.horizontalAdvance(label) + 1;
    return fm.horizontalAdvance(label.left(amp)) + fm.horizontalAdvance(label.at(amp + 1))
        + fm.horizontalAdvance(label.mid(amp + 2)) + 1;
}

static void selectData(QComboBox* combo, const QString& value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void CitizenForm::setCitizen(const Citizen& c)
{
    m_base = c;
    selectData(m_civilite, c.civilite);
    m_nomUsage->setText(c.nomUsage);
    m_nomNaissance->setText(c.nomNaissance);
    m_prenoms->setText(c.prenoms);
    m_birthDate->setText(fmt::date(c.birthDate));
    m_birthPlace->setText(c.birthPlace);
    m_line1->setText(c.address.line1);
    m_line2->setText(c.address.line2);
    m_postcode->setText(c.address.postcode);
    m_city->setText(c.address.city);
    m_phone->setText(fmt::phone(c.phone));
    m_phone2->setText(fmt::phone(c.phone2));
    m_email->setText(c.email);
    selectData(m_channel, c.preferredChannel);
    m_consent->setChecked(c.consentContact);
    m_notes->setPlainText(c.notes);
    m_nir->setText(c.nir);
    m_errors->clear();
    m_modified = false;
}

Citizen CitizenForm::citizen() const
{
    Citizen c = m_base;
    c.civilite = m_civilite->currentData().toString();
    c.nomUsage = m_nomUsage->text().trimmed();
    c.nomNaissance = m_nomNaissance->text().trimmed();
    c.prenoms = m_prenoms->text().trimmed();
    c.birthDate = Validators::parseDate(m_birthDate->text().trimmed());
    c.birthPlace = m_birthPlace->text().trimmed();
    c.address.line1 = m_line1->text().trimmed();
    c.address.line2 = m_line2->text().trimmed();
    c.address.postcode = m_postcode->text().trimmed();
    c.address.city = m_city->text().trimmed();
    c.phone = m_phone->text().trimmed();
    c.phone2 = m_phone2->text().trimmed();
    c.email = m_email->text().trimmed();
    c.preferredChannel = m_channel->currentData().toString();
    c.consentContact = m_consent->isChecked();
    c.notes = m_notes->toPlainText().trimmed();
    c.nir = m_nir->text().trimmed();
    return c;
}

QList<FieldError> CitizenForm::inputErrors() const
{
    QList<FieldError> errors;
    const QString typed = m_birthDate->text().trimmed();
    if (!typed.isEmpty() && !Validators::parseDate(typed).isValid()) {
        errors.append(FieldError{s("birthDate"),
                                 tr("La date de naissance « %1 » n'est pas une date (jj/mm/aaaa).").arg(typed)});
    }
    return errors;
}

QStringList CitizenForm::showErrors(const Error& error)
{
    return m_errors->apply(error);
}

void CitizenForm::clearErrors()
{
    m_errors->clear();
}

bool CitizenForm::hasErrors() const
{
    return m_errors->hasErrors();
}

QString CitizenForm::errorMessage(const QString& field) const
{
    return m_errors->message(field);
}

QStringList CitizenForm::flaggedFieldLabels() const
{
    QStringList labels;
    for (const auto& [field, label] : m_fieldLabels) {
        if (!m_errors->message(field).isEmpty())
            labels << label;
    }
    return labels;
}

void CitizenForm::focusFirstError()
{
    m_errors->focusFirstError();
}

} // namespace iris::usagers
