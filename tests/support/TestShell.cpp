#include "tests/support/TestShell.h"

namespace iris::test {

namespace {
QStackedWidget* newWindow()
{
    auto* window = new QStackedWidget;
    window->setObjectName(QStringLiteral("testShellWindow"));
    window->resize(1280, 860);
    return window;
}
} // namespace

TestShell::TestShell(ModuleContext& context)
    : m_context(context)
    , m_window(newWindow())
{
}

TestShell::~TestShell()
{
    closeWindow();
}

void TestShell::closeWindow()
{
    delete m_window.data();
    m_pages.clear();
}

void TestShell::resetWindow()
{
    closeWindow();
    m_window = newWindow();
}

void TestShell::openRecord(const QString& kind, qint64 id)
{
    const RecordOpener opener = m_context.recordOpeners.value(kind);
    if (opener)
        opener(id);
}

void TestShell::showPage(const QString& pageId)
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

void TestShell::showStatusMessage(const QString& text, int timeoutMs)
{
    Q_UNUSED(timeoutMs);
    m_statuses << text;
}

} // namespace iris::test
