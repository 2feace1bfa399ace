#pragma once

#include "core/base/Result.h"
#include "modules/etatcivil/documents/LetterHead.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <memory>

class QWidget;

namespace iris {
class CoreServices;
class ModuleContext;
}

namespace iris::etatcivil {

class ActRequestService;
class ParameterStore;
class ProcedureService;
struct ActRequest;
struct Procedure;

/// What the module's pages share: the context, the dated parameters, the services bound
/// to the logged-in agent (rebuilt when the agent changes), the letterhead and where the
/// PDFs go. Emits requestsChanged() after any change so open pages and panels reload.
class EtatCivilController final : public QObject
{
    Q_OBJECT

public:
    EtatCivilController(ModuleContext& context, std::shared_ptr<ParameterStore> parameters);
    ~EtatCivilController() override;

    ModuleContext& context() { return m_context; }
    std::shared_ptr<ParameterStore> parameters() const { return m_parameters; }
    CoreServices* services() const;
    /// Null when nobody is logged in.
    ActRequestService* requests();
    ProcedureService* procedures();
    LetterHead letterHead() const;

    /// Folder of the PDFs (application data folder/etat-civil).
    QString documentFolder() const;
    /// Writes one of the request's documents ("recepisse", "bordereau", "refus", "orientation")
    /// and returns its path.
    Result<QString> writeDocument(const ActRequest& request, const QString& kind);
    Result<QString> writeAttestation(const Procedure& recensement);

    void showStatus(const QString& text);
    void notifyChanged() { Q_EMIT requestsChanged(); }
    /// Opens the requests page on a dossier (record opener for état civil dossiers).
    void openRequest(qint64 dossierId);
    void openProcedure(qint64 dossierId);
    /// Shows the counter page with this citizen as the requester.
    void newRequestFor(qint64 citizenId);
    void setCounterPage(QWidget* page) { m_counterPage = page; }
    void setRequestsPage(QWidget* page) { m_requestsPage = page; }
    void setProceduresPage(QWidget* page) { m_proceduresPage = page; }
    /// At a logout: the services this controller was bound to go away (the next
    /// session's may even reuse their address).
    void unbind();

Q_SIGNALS:
    void requestsChanged();

private:
    void bind();

    ModuleContext& m_context;
    std::shared_ptr<ParameterStore> m_parameters;
    CoreServices* m_boundTo = nullptr;
    std::unique_ptr<ActRequestService> m_requests;
    std::unique_ptr<ProcedureService> m_procedures;
    QPointer<QWidget> m_counterPage;
    QPointer<QWidget> m_requestsPage;
    QPointer<QWidget> m_proceduresPage;
};

} // namespace iris::etatcivil
