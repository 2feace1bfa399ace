#include "modules/etatcivil/ui/ProcedureForm.h"

#include "core/base/Validators.h"
#include "core/modules/ModuleContext.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "modules/etatcivil/data/ProcedureService.h"
#include "modules/etatcivil/ui/EtatCivilController.h"
#include "ui/citizen/CitizenPicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

QLineEdit* ProcedureForm::line(const char* name, const QString& placeholder)
{
    auto* e = new QLineEdit(this);
    e->setObjectName(QString::fromLatin1(name));
    e->setPlaceholderText(placeholder);
    connect(e, &QLineEdit::textChanged, this, &ProcedureForm::updateRule);
    return e;
}

QCheckBox* ProcedureForm::check(const char* name, const QString& text)
{
    auto* c = new QCheckBox(text, this);
    c->setObjectName(QString::fromLatin1(name));
    connect(c, &QCheckBox::toggled, this, &ProcedureForm::updateRule);
    return c;
}

ProcedureForm::ProcedureForm(EtatCivilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"procedureForm"_s);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"procedureKindCombo"_s);
    for (ProcedureKind k : allProcedureKinds())
        m_kind->addItem(procedureLabel(k), procedureTypeId(k));
    m_nom = line("procNomEdit");
    m_prenoms = line("procPrenomsEdit");
    m_birth = line("procBirthDateEdit", tr("jj/mm/aaaa"));
    m_picker = new ui::CitizenPicker(this);
    m_picker->setObjectName(u"procCitizenPicker"_s);
    m_picker->setPlaceholderText(tr("Usager concerné (recherche)…"));
    m_picker->setMaximumHeight(160);
    const auto servicesFn = m_controller.context().services;
    m_picker->setSearchFunction([servicesFn](const QString& query, int limit) -> Result<QList<CitizenSummary>> {
        CoreServices* s = servicesFn ? servicesFn() : nullptr;
        if (!s)
            return Error(ErrorCode::PermissionDenied, tr("Aucun agent connecté."));
        return s->citizens().search(query, limit);
    });
    connect(m_picker, &ui::CitizenPicker::currentCitizenChanged, this, [this](qint64) {
        if (const CitizenSummary* c = m_picker->currentCitizen()) {
            if (m_nom->text().isEmpty())
                m_nom->setText(c->nomUsage.isEmpty() ? c->nomNaissance : c->nomUsage);
            if (m_prenoms->text().isEmpty())
                m_prenoms->setText(c->prenoms);
            if (m_birth->text().isEmpty() && c->birthDate.isValid())
                m_birth->setText(c->birthDate.toString(u"dd/MM/yyyy"_s));
        }
        updateRule();
    });
    m_declarant = line("declarantEdit", tr("NOM Prénom du déclarant"));
    m_birthPlace = line("birthPlaceEdit", tr("lieu de naissance (maternité, commune)"));
    m_partner2Nom = line("partner2NomEdit");
    m_partner2Prenoms = line("partner2PrenomsEdit");
    m_appointment = line("appointmentEdit", tr("jj/mm/aaaa hh:mm"));
    m_domicile = check("domicileCheck", tr("Domicilié(e) dans la commune"));
    m_livretReason = line("livretReasonEdit", tr("perte, vol, séparation…"));
    m_documentTitle = line("documentTitleEdit", tr("document à légaliser"));
    m_signerPresent = check("signerPresentCheck", tr("Signataire présent"));
    m_identityChecked = check("identityCheckedCheck", tr("Pièce d'identité vérifiée"));
    m_guest = line("guestNameEdit", tr("NOM Prénom de la personne accueillie"));
    m_newPrenoms = line("newPrenomsEdit");
    m_inPerson = check("filedInPersonCheck", tr("Déposée en personne"));
    m_consent = check("childConsentCheck", tr("Consentement de l'enfant (13 ans ou plus)"));
    m_rule = new QLabel(this);
    m_rule->setObjectName(u"procedureRuleLabel"_s);
    m_rule->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(u"procedureFormError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_open = new QPushButton(tr("&Ouvrir la démarche"), this);
    m_open->setObjectName(u"openProcedureButton"_s);
    connect(m_open, &QPushButton::clicked, this, &ProcedureForm::submit);

    auto* form = new QFormLayout;
    form->addRow(tr("&Démarche :"), m_kind);
    form->addRow(tr("Nom :"), m_nom);
    form->addRow(tr("Prénoms :"), m_prenoms);
    form->addRow(tr("Né(e) le :"), m_birth);
    const auto add = [&](const QString& label, QWidget* w, QList<ProcedureKind> kinds) {
        form->addRow(label, w);
        m_kindFields.append({w, kinds});
    };
    using K = ProcedureKind;
    add(tr("Déclarant :"), m_declarant, {K::Naissance});
    add(tr("Lieu de naissance :"), m_birthPlace, {K::Naissance});
    add(tr("Second partenaire, nom :"), m_partner2Nom, {K::Pacs, K::Mariage});
    add(tr("Second partenaire, prénoms :"), m_partner2Prenoms, {K::Pacs, K::Mariage});
    add(tr("Rendez-vous :"), m_appointment, {K::Pacs, K::Mariage});
    add(QString(), m_domicile, {K::Recensement, K::Livret});
    add(tr("Motif :"), m_livretReason, {K::Livret});
    add(tr("Document :"), m_documentTitle, {K::Legalisation});
    add(QString(), m_signerPresent, {K::Legalisation});
    add(QString(), m_identityChecked, {K::Legalisation});
    add(tr("Personne accueillie :"), m_guest, {K::Accueil});
    add(tr("Prénoms demandés :"), m_newPrenoms, {K::Prenom});
    add(QString(), m_inPerson, {K::Prenom});
    add(QString(), m_consent, {K::Prenom});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_picker);
    layout->addWidget(m_rule);
    layout->addWidget(m_error);
    layout->addWidget(m_open);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        showFieldsOfKind();
        updateRule();
    });
    showFieldsOfKind();
    updateRule();
}

void ProcedureForm::showFieldsOfKind()
{
    ProcedureKind kind = ProcedureKind::Naissance;
    procedureFromTypeId(m_kind->currentData().toString(), &kind);
    for (const auto& [widget, kinds] : std::as_const(m_kindFields))
        widget->setVisible(kinds.contains(kind));
}

Procedure ProcedureForm::draft() const
{
    Procedure p;
    procedureFromTypeId(m_kind->currentData().toString(), &p.kind);
    p.personNom = m_nom->text();
    p.personPrenoms = m_prenoms->text();
    p.personBirthDate = Validators::parseDate(m_birth->text());
    p.dossier.citizenId = m_picker->currentCitizenId();
    const auto put = [&p](const QString& key, const QString& value) {
        if (!value.trimmed().isEmpty())
            p.details.insert(key, value.trimmed());
    };
    put(detail::Declarant, m_declarant->text());
    put(detail::BirthPlace, m_birthPlace->text());
    put(detail::Partner2Nom, m_partner2Nom->text());
    put(detail::Partner2Prenoms, m_partner2Prenoms->text());
    put(detail::Reason, m_livretReason->text());
    put(detail::DocumentTitle, m_documentTitle->text());
    put(detail::GuestName, m_guest->text());
    put(detail::NewPrenoms, m_newPrenoms->text());
    p.details.insert(detail::DomicileInCommune, m_domicile->isChecked());
    p.details.insert(detail::SignerPresent, m_signerPresent->isChecked());
    p.details.insert(detail::IdentityChecked, m_identityChecked->isChecked());
    p.details.insert(detail::FiledInPerson, m_inPerson->isChecked());
    p.details.insert(detail::ChildConsent, m_consent->isChecked());
    return p;
}

void ProcedureForm::updateRule()
{
    ProcedureService* service = m_controller.procedures();
    if (!service)
        return;
    const RuleCheck c = service->assess(draft());
    m_rule->setText(QString(u"<span style=\"color:"_s + (c.ok ? u"#1b5e20"_s : u"#b00020"_s) + u"\">"_s
                            + c.message.toHtmlEscaped() + u"</span>"_s));
    m_rule->setProperty("ok", c.ok);
}

void ProcedureForm::submit()
{
    ProcedureService* service = m_controller.procedures();
    if (!service)
        return;
    const Procedure p = draft();
    QDateTime appointment;
    if (!m_appointment->text().trimmed().isEmpty()) {
        appointment = QDateTime::fromString(m_appointment->text().trimmed(), u"dd/MM/yyyy HH:mm"_s);
        if (!appointment.isValid()) {
            m_error->setText(tr("Rendez-vous : indiquez la date et l'heure sous la forme jj/mm/aaaa hh:mm."));
            return;
        }
    }
    auto opened = service->open(p, appointment);
    if (!opened) {
        QStringList lines{opened.error().message()};
        for (const FieldError& f : opened.error().fields())
            lines << QString(u"• "_s + f.message);
        m_error->setText(lines.join(u'\n'));
        return;
    }
    m_error->clear();
    m_controller.showStatus(tr("Démarche %1 ouverte : %2.").arg(opened->dossier.reference, procedureLabel(opened->kind)));
    m_controller.notifyChanged();
    Q_EMIT this->opened(opened->dossier.id);
}

} // namespace iris::etatcivil
