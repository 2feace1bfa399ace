#pragma once

#include "core/security/Session.h"

#include <QString>

#include <functional>

class QWidget;

namespace iris {

/// The narrow view of the host that modules get (never the main window itself).
class IShell
{
public:
    virtual ~IShell() = default;

    /// The logged-in agent's session (valid after login).
    virtual const Session& session() const = 0;
    /// Opens a record through the opener registered for its kind ("citizen", "dossier").
    virtual void openRecord(const QString& kind, qint64 id) = 0;
    /// Shows a navigation page by id.
    virtual void showPage(const QString& pageId) = 0;
    /// A transient message in the status bar.
    virtual void showStatusMessage(const QString& text, int timeoutMs = 4000) = 0;
    /// Parent for module dialogs.
    virtual QWidget* dialogParent() const = 0;
};

/// Opens records of one kind inside the shell (registered by the module that owns the kind).
using RecordOpener = std::function<void(qint64 id)>;

} // namespace iris
