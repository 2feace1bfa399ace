#include "modules/etatcivil/ui/EtatCivilController.h"

#include "core/modules/ModuleContext.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/ActRequestService.h"
#include "modules/etatcivil/data/ParameterStore.h"
#include "modules/etatcivil/data/ProcedureService.h"
#include "modules/etatcivil/documents/ActRequestLetters.h"
#include "ui/print/PdfRenderer.h"
#include "modules/etatcivil/documents/RecensementAttestation.h"
#include "modules/etatcivil/ui/CounterRequestPage.h"
#include "modules/etatcivil/ui/ProceduresPage.h"
#include "modules/etatcivil/ui/RequestListPage.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

EtatCivilController::EtatCivilController(ModuleContext& context, std::shared_ptr<ParameterStore> parameters)
    : m_context(context)
    , m_parameters(std::move(parameters))
{
}

EtatCivilController::~EtatCivilController() = default;

CoreServices* EtatCivilController::services() const
{
    return m_context.services ? m_context.services() : nullptr;
}

void EtatCivilController::bind()
{
    CoreServices* s = services();
    if (s == m_boundTo)
        return;
    m_boundTo = s;
    m_requests.reset();
    m_procedures.reset();
    if (s) {
        m_requests = std::make_unique<ActRequestService>(*s, m_parameters);
        m_procedures = std::make_unique<ProcedureService>(*s, m_parameters);
    }
}

void EtatCivilController::unbind()
{
    m_boundTo = nullptr;
    m_requests.reset();
    m_procedures.reset();
}

ActRequestService* EtatCivilController::requests()
{
    bind();
    return m_requests.get();
}

ProcedureService* EtatCivilController::procedures()
{
    bind();
    return m_procedures.get();
}

LetterHead EtatCivilController::letterHead() const
{
    LetterHead head;
    if (const auto settings = m_parameters->settingsAt(QDate::currentDate()))
        head.commune = settings->commune;
    return head;
}

QString EtatCivilController::documentFolder() const
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"etat-civil"_s);
}

Result<QString> EtatCivilController::writeDocument(const ActRequest& request, const QString& kind)
{
    CoreServices* s = services();
    const QString agent = s ? s->session().agent().displayName : QString();
    const LetterHead head = letterHead();
    QString html;
    QString title;
    if (kind == u"recepisse") {
        html = ActRequestLetters::receipt(request, head, agent);
        title = tr("Accusé de réception");
    } else if (kind == u"bordereau") {
        html = ActRequestLetters::deliverySlip(request, head, agent);
        title = tr("Bordereau de délivrance");
    } else if (kind == u"refus") {
        html = ActRequestLetters::refusalLetter(request, head, agent);
        title = tr("Lettre de refus");
    } else {
        html = ActRequestLetters::orientationLetter(request, head, agent);
        title = tr("Lettre d'orientation");
    }
    const QString path = QDir(documentFolder()).filePath(ActRequestLetters::fileName(request, kind));
    if (auto r = ui::PdfRenderer::write(html, path, QString(title + u' ' + request.dossier.reference)); !r)
        return r.error();
    return path;
}

Result<QString> EtatCivilController::writeAttestation(const Procedure& recensement)
{
    CoreServices* s = services();
    QString address;
    if (s && recensement.dossier.citizenId > 0) {
        if (auto c = s->citizens().get(recensement.dossier.citizenId))
            address = QString(c->address.line1 + u", "_s + c->address.postcode + u' ' + c->address.city);
    }
    const QString html = RecensementAttestation::html(recensement, letterHead(), s ? s->session().agent().displayName : QString(),
                                                      address);
    const QString path = QDir(documentFolder()).filePath(QString(recensement.dossier.reference + u"-attestation.pdf"_s));
    if (auto r = ui::PdfRenderer::write(html, path, tr("Attestation de recensement")); !r)
        return r.error();
    return path;
}

void EtatCivilController::showStatus(const QString& text)
{
    if (m_context.shell)
        m_context.shell->showStatusMessage(text, 8000);
}

void EtatCivilController::openRequest(qint64 dossierId)
{
    if (m_context.shell)
        m_context.shell->showPage(ids::RequestsPage);
    if (auto* page = qobject_cast<RequestListPage*>(m_requestsPage.data()))
        page->select(dossierId);
}

void EtatCivilController::newRequestFor(qint64 citizenId)
{
    CoreServices* s = services();
    if (!s || !m_context.shell)
        return;
    m_context.shell->showPage(ids::CounterPage);
    auto citizen = s->citizens().get(citizenId);
    if (!citizen)
        return;
    if (auto* page = qobject_cast<CounterRequestPage*>(m_counterPage.data())) {
        page->setRequester(citizenId, citizen->nomUsage.isEmpty() ? citizen->nomNaissance : citizen->nomUsage,
                           citizen->prenoms);
        page->setFocus();
    }
}

void EtatCivilController::openProcedure(qint64 dossierId)
{
    if (m_context.shell)
        m_context.shell->showPage(ids::ProceduresPage);
    if (auto* page = qobject_cast<ProceduresPage*>(m_proceduresPage.data()))
        page->select(dossierId);
}

} // namespace iris::etatcivil
