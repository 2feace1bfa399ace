#include "modules/etatcivil/ui/CounterRequestPage.h"

#include "core/base/Validators.h"
#include "modules/etatcivil/data/ActRequestService.h"
#include "modules/etatcivil/data/ActRequestValidator.h"
#include "modules/etatcivil/rules/EntitlementRules.h"
#include "modules/etatcivil/ui/EtatCivilController.h"
#include "ui/widgets/DesktopFiles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

template<typename Enum>
QComboBox* combo(QWidget* parent, const char* name, const QList<Enum>& values)
{
    auto* c = new QComboBox(parent);
    c->setObjectName(QString::fromLatin1(name));
    for (Enum v : values)
        c->addItem(labelOf(v), idOf(v));
    return c;
}

template<typename Enum>
Enum current(const QComboBox* c, Enum fallback)
{
    Enum v = fallback;
    fromId(c->currentData().toString(), &v);
    return v;
}

} // namespace

QLineEdit* CounterRequestPage::line(const char* name, const QString& placeholder)
{
    auto* e = new QLineEdit(this);
    e->setObjectName(QString::fromLatin1(name));
    e->setPlaceholderText(placeholder);
    connect(e, &QLineEdit::textChanged, this, &CounterRequestPage::updateVerdict);
    return e;
}

CounterRequestPage::CounterRequestPage(EtatCivilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"etatcivilCounterPage"_s);
    m_controller.setCounterPage(this);
    m_act = combo(this, "actCombo", allActTypes());
    m_document = combo(this, "documentCombo", allActDocuments());
    m_copies = new QSpinBox(this);
    m_copies->setObjectName(u"copiesSpin"_s);
    m_copies->setRange(1, 10);
    m_personNom = line("personNomEdit");
    m_personPrenoms = line("personPrenomsEdit");
    m_personBirthDate = line("personBirthDateEdit", tr("jj/mm/aaaa"));
    m_personBirthPlace = line("personBirthPlaceEdit");
    m_parent1 = line("parent1Edit", tr("NOM Prénom"));
    m_parent2 = line("parent2Edit", tr("NOM Prénom"));
    m_singleParent = new QCheckBox(tr("Filiation à l'égard d'un seul parent"), this);
    m_singleParent->setObjectName(u"singleParentCheck"_s);
    m_eventDate = line("eventDateEdit", tr("jj/mm/aaaa"));
    m_eventCommune = line("eventCommuneEdit");
    m_eventCountry = line("eventCountryEdit", tr("France"));
    m_french = new QCheckBox(tr("Personne de nationalité française"), this);
    m_french->setObjectName(u"frenchNationalCheck"_s);
    m_french->setChecked(true);
    m_lastDomicile = line("lastDomicileEdit", tr("décès : commune du dernier domicile"));
    m_requesterNom = line("requesterNomEdit");
    m_requesterPrenoms = line("requesterPrenomsEdit");
    m_link = combo(this, "linkCombo", allRequesterLinks());
    m_requesterAddress = line("requesterAddressEdit", tr("adresse postale (envoi)"));
    m_requesterEmail = line("requesterEmailEdit");
    m_channel = combo(this, "channelCombo", allRequestChannels());
    m_delivery = combo(this, "deliveryCombo", allDeliveryModes());
    for (QComboBox* c : {m_act, m_document, m_link, m_channel, m_delivery})
        connect(c, &QComboBox::currentIndexChanged, this, &CounterRequestPage::updateVerdict);
    for (QCheckBox* c : {m_singleParent, m_french})
        connect(c, &QCheckBox::toggled, this, &CounterRequestPage::updateVerdict);

    auto* actBox = new QGroupBox(tr("Acte demandé"), this);
    auto* actForm = new QFormLayout(actBox);
    actForm->addRow(tr("&Acte :"), m_act);
    actForm->addRow(tr("&Document :"), m_document);
    actForm->addRow(tr("E&xemplaires :"), m_copies);
    actForm->addRow(tr("Date de l'é&vénement :"), m_eventDate);
    actForm->addRow(tr("&Commune de l'événement :"), m_eventCommune);
    actForm->addRow(tr("Pa&ys (si étranger) :"), m_eventCountry);
    actForm->addRow(QString(), m_french);
    actForm->addRow(tr("Dernier domicile :"), m_lastDomicile);

    auto* personBox = new QGroupBox(tr("Personne figurant sur l'acte"), this);
    auto* personForm = new QFormLayout(personBox);
    personForm->addRow(tr("&Nom :"), m_personNom);
    personForm->addRow(tr("&Prénoms :"), m_personPrenoms);
    personForm->addRow(tr("Date de naissance :"), m_personBirthDate);
    personForm->addRow(tr("Lieu de naissance :"), m_personBirthPlace);
    personForm->addRow(tr("Parent 1 :"), m_parent1);
    personForm->addRow(tr("Parent 2 :"), m_parent2);
    personForm->addRow(QString(), m_singleParent);

    auto* requesterBox = new QGroupBox(tr("Demandeur"), this);
    auto* requesterForm = new QFormLayout(requesterBox);
    requesterForm->addRow(tr("&Lien avec la personne :"), m_link);
    requesterForm->addRow(tr("Nom du demandeur :"), m_requesterNom);
    requesterForm->addRow(tr("Prénoms du demandeur :"), m_requesterPrenoms);
    requesterForm->addRow(tr("Ca&nal :"), m_channel);
    requesterForm->addRow(tr("&Remise :"), m_delivery);
    requesterForm->addRow(tr("Adresse :"), m_requesterAddress);
    requesterForm->addRow(tr("Courriel :"), m_requesterEmail);

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(u"verdictLabel"_s);
    m_verdict->setWordWrap(true);
    m_location = new QLabel(this);
    m_location->setObjectName(u"locationLabel"_s);
    m_location->setWordWrap(true);
    m_errors = new QLabel(this);
    m_errors->setObjectName(u"formErrorLabel"_s);
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(u"color: #b00020;"_s);
    m_errors->hide();
    m_last = new QLabel(this);
    m_last->setObjectName(u"lastRequestLabel"_s);
    m_last->setWordWrap(true);
    m_last->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openReceipt = new QPushButton(tr("Ouvrir l'accusé de réception (Ctrl+O)"), this);
    m_openReceipt->setObjectName(u"openReceiptButton"_s);
    m_openReceipt->hide();
    connect(m_openReceipt, &QPushButton::clicked, this, &CounterRequestPage::openReceipt);
    auto* openShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_O), this);
    openShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    openShortcut->setWhatsThis(tr("Ouvrir l'accusé de réception")); // its line in the F1 list
    connect(openShortcut, &QShortcut::activated, this, &CounterRequestPage::openReceipt);
    m_register = new QPushButton(tr("Enregistrer la demande (Ctrl+Entrée)"), this);
    m_register->setObjectName(u"registerButton"_s);
    connect(m_register, &QPushButton::clicked, this, &CounterRequestPage::submit);
    for (const QKeySequence& key : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        shortcut->setWhatsThis(tr("Enregistrer la demande"));
        connect(shortcut, &QShortcut::activated, this, &CounterRequestPage::submit);
    }

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(actBox);
    left->addWidget(personBox);
    auto* right = new QVBoxLayout;
    right->addWidget(requesterBox);
    auto* verdictBox = new QGroupBox(tr("Droit d'accès et orientation"), this);
    auto* verdictLayout = new QVBoxLayout(verdictBox);
    verdictLayout->addWidget(m_verdict);
    verdictLayout->addWidget(m_location);
    right->addWidget(verdictBox);
    right->addWidget(m_errors);
    right->addWidget(m_register);
    right->addWidget(m_last);
    right->addWidget(m_openReceipt, 0, Qt::AlignLeft);
    right->addStretch();
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(u"<h2>"_s + tr("Nouvelle demande d'acte d'état civil") + u"</h2>"_s, this);
    layout->addWidget(title);
    layout->addLayout(columns, 1);
    setFocusProxy(m_act);
    updateVerdict();
}

void CounterRequestPage::setRequester(qint64 citizenId, const QString& nom, const QString& prenoms)
{
    m_requesterCitizenId = citizenId;
    m_requesterNom->setText(nom);
    m_requesterPrenoms->setText(prenoms);
}

ActRequest CounterRequestPage::draft() const
{
    ActRequest r;
    r.dossier.citizenId = m_requesterCitizenId;
    r.actType = current(m_act, ActType::Naissance);
    r.document = current(m_document, ActDocument::CopieIntegrale);
    r.copies = m_copies->value();
    r.personNom = m_personNom->text();
    r.personPrenoms = m_personPrenoms->text();
    r.personBirthDate = Validators::parseDate(m_personBirthDate->text());
    r.personBirthPlace = m_personBirthPlace->text();
    r.parent1 = m_parent1->text();
    r.parent2 = m_parent2->text();
    r.singleParent = m_singleParent->isChecked();
    r.eventDate = Validators::parseDate(m_eventDate->text());
    r.eventCommune = m_eventCommune->text();
    r.eventCountry = m_eventCountry->text();
    r.frenchNational = m_french->isChecked();
    r.lastDomicile = m_lastDomicile->text();
    r.requesterNom = m_requesterNom->text();
    r.requesterPrenoms = m_requesterPrenoms->text();
    r.requesterLink = current(m_link, RequesterLink::PersonneMajeure);
    r.requesterAddress = m_requesterAddress->text();
    r.requesterEmail = m_requesterEmail->text();
    r.channel = current(m_channel, RequestChannel::Guichet);
    r.deliveryMode = current(m_delivery, DeliveryMode::Guichet);
    return r;
}

void CounterRequestPage::updateVerdict()
{
    ActRequestService* service = m_controller.requests();
    if (!service) {
        m_verdict->setText(tr("Aucun agent connecté."));
        return;
    }
    const ActRequest r = service->assess(draft());
    const bool birth = r.actType == ActType::Naissance;
    m_personBirthDate->setEnabled(!birth);
    m_personBirthPlace->setEnabled(!birth);
    m_lastDomicile->setEnabled(r.actType == ActType::Deces);
    const bool filiation = EntitlementRules::requiresFiliationDetails(r.actType, r.document);
    m_parent1->setEnabled(filiation || r.actType != ActType::Deces);
    // Only the person on the act may leave the requester empty: the hint follows the link.
    const bool nameRequired = ActRequestValidator::requesterNameRequired(r.requesterLink);
    m_requesterNom->setPlaceholderText(nameRequired ? tr("obligatoire : nom du demandeur (%1)")
                                                          .arg(labelOf(r.requesterLink).toLower())
                                                    : tr("vide = la personne elle-même"));
    const bool placeKnown = !r.eventCommune.trimmed().isEmpty() || !r.eventCountry.trimmed().isEmpty();
    // An act kept elsewhere is not delivered here whatever the requester's right: orient.
    const bool orient = placeKnown && !r.location.held();
    QString text;
    QString colour;
    QString verdictId = r.entitlement.allowed() ? u"autorise"_s : r.entitlement.refused() ? u"refuse"_s
                                                                                            : u"sans_objet"_s;
    switch (r.entitlement.verdict) {
    case Entitlement::Verdict::Allowed:
        if (orient) {
            text = tr("Délivrance impossible ici : orientez la demande vers %1 "
                      "(le demandeur y aurait droit).")
                       .arg(r.location.destination);
            colour = u"#8a4b00"_s;
            verdictId = u"orienter"_s;
        } else {
            text = tr("Délivrance autorisée.");
            colour = u"#1b5e20"_s;
        }
        break;
    case Entitlement::Verdict::Refused:
        text = tr("Délivrance refusée : la demande ne pourra se terminer que par un refus motivé.");
        colour = u"#b00020"_s;
        break;
    case Entitlement::Verdict::NotApplicable:
        text = tr("Document inexistant pour cet acte.");
        colour = u"#8a6d00"_s;
        break;
    }
    QString body = QString(u"<b style=\"color:"_s + colour + u"\">"_s + text.toHtmlEscaped() + u"</b><br/>"_s
                           + r.entitlement.reason.toHtmlEscaped() + u" <i>("_s + r.entitlement.rule.toHtmlEscaped()
                           + u")</i>"_s);
    if (!r.entitlement.conditions.isEmpty())
        body += u"<br/>"_s + tr("À présenter : %1").arg(r.entitlement.conditions).toHtmlEscaped();
    if (filiation)
        body += u"<br/>"_s + tr("Indiquer les nom, prénoms, date et lieu de naissance et les noms des parents.").toHtmlEscaped();
    m_verdict->setText(body);
    m_verdict->setProperty("verdict", verdictId);
    m_location->setText(placeKnown ? QString((r.location.held() ? tr("Acte détenu : ") : tr("À orienter : "))
                                             + r.location.explanation)
                                   : tr("Indiquez le lieu de l'événement pour savoir qui détient l'acte."));
}

void CounterRequestPage::submit()
{
    ActRequestService* service = m_controller.requests();
    if (!service)
        return;
    auto saved = service->registerRequest(draft());
    if (!saved) {
        QStringList lines{saved.error().message()};
        for (const FieldError& f : saved.error().fields())
            lines << QString(u"• "_s + f.message);
        m_errors->setText(lines.join(u'\n'));
        m_errors->show();
        return;
    }
    m_errors->hide();
    m_lastId = saved->dossier.id;
    QString text = tr("Demande %1 enregistrée pour %2 (%3), à traiter avant le %4.")
                       .arg(saved->dossier.reference, saved->requesterName(),
                            ActRequestService::statusLabel(saved->dossier.status).toLower(),
                            saved->dossier.dueDate.toString(u"dd/MM/yyyy"_s));
    auto receipt = m_controller.writeDocument(*saved, u"recepisse"_s);
    m_receiptPath = receipt ? *receipt : QString();
    if (receipt)
        text += u' ' + tr("L'accusé de réception est prêt à remettre au demandeur.");
    else
        text += u' '
            + tr("L'accusé de réception n'a pas pu être préparé : %1").arg(receipt.error().message());
    m_last->setText(text);
    m_last->setProperty("receiptPath", m_receiptPath);
    m_openReceipt->setVisible(receipt.ok());
    m_controller.showStatus(text);
    m_controller.notifyChanged();
    clearForm();
}

void CounterRequestPage::openReceipt()
{
    if (m_receiptPath.isEmpty())
        return;
    if (!ui::DesktopFiles::open(m_receiptPath))
        m_controller.showStatus(tr("L'accusé de réception n'a pas pu être ouvert."));
}

void CounterRequestPage::clearForm()
{
    // The next requester starts from a blank form: nothing of the previous one carries over.
    for (QLineEdit* e : {m_personNom, m_personPrenoms, m_personBirthDate, m_personBirthPlace, m_parent1, m_parent2,
                         m_eventDate, m_eventCommune, m_eventCountry, m_lastDomicile, m_requesterNom,
                         m_requesterPrenoms, m_requesterAddress, m_requesterEmail})
        e->clear();
    for (QComboBox* c : {m_act, m_document, m_link, m_channel, m_delivery})
        c->setCurrentIndex(0);
    m_copies->setValue(1);
    m_singleParent->setChecked(false);
    m_french->setChecked(true);
    m_requesterCitizenId = 0;
    updateVerdict();
    m_act->setFocus();
}

} // namespace iris::etatcivil
