#include "tests/etatcivil/support/EcTestShell.h"

namespace iris::test {

EcTestShell::EcTestShell(ModuleContext& context)
    : m_context(context)
    , m_window(new QStackedWidget)
{
    m_window->setObjectName(QStringLiteral("testShellWindow"));
    m_window->resize(1280, 860);
}

EcTestShell::~EcTestShell()
{
    closeWindow();
}

void EcTestShell::closeWindow()
{
    delete m_window.data();
    m_pages.clear();
}

void EcTestShell::openRecord(const QString& kind, qint64 id)
{
    if (const RecordOpener opener = m_context.recordOpeners.value(kind))
        opener(id);
}

void EcTestShell::showPage(const QString& pageId)
{
    if (!m_window)
        return;
    QWidget* page = m_pages.value(pageId);
    if (!page) {
        for (const PageSpec& spec : m_context.pages.items()) {
            if (spec.id == pageId && spec.create) {
                page = spec.create(m_window);
                m_window->addWidget(page);
                m_pages.insert(pageId, page);
            }
        }
    }
    if (page) {
        m_window->setCurrentWidget(page);
        m_window->show();
    }
}

void EcTestShell::showStatusMessage(const QString& text, int timeoutMs)
{
    Q_UNUSED(timeoutMs);
    m_statuses << text;
}

} // namespace iris::test
