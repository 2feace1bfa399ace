#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace iris::accueil {

/// The register's files on the desktop, through ui::DesktopFiles (test hooks there):
/// choosing a scanned PDF, and writing a stored document to a private temporary folder
/// (removed when the application quits) to open it in the system's PDF viewer.
class PostDesktop final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostDesktop)
public:
    PostDesktop() = delete;

    /// A PDF chosen by the agent; empty when cancelled.
    static QString choosePdf(QWidget* parent, const QString& caption);
    /// Writes `bytes` as `fileName` in the private viewing folder and opens it; a French
    /// message on failure, empty on success.
    static QString writeAndOpen(const QString& fileName, const QByteArray& bytes);
};

} // namespace iris::accueil
