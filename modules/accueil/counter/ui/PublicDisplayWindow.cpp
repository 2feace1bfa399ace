#include "modules/accueil/counter/ui/PublicDisplayWindow.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/shared/DatabaseWatcher.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QScreen>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

PublicDisplayWindow::PublicDisplayWindow(AccueilController& controller, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_controller(controller)
    , m_current(new QLabel(this))
    , m_history(new QListWidget(this))
{
    setObjectName(u"accueilPublicDisplay"_s);
    setWindowTitle(tr("IRIS — Appels en cours"));
    m_current->setObjectName(u"displayCurrent"_s);
    m_history->setObjectName(u"displayHistory"_s);
    m_current->setAlignment(Qt::AlignCenter);
    QFont big = m_current->font();
    big.setPointSize(48);
    big.setBold(true);
    m_current->setFont(big);
    QFont medium = m_history->font();
    medium.setPointSize(24);
    m_history->setFont(medium);
    m_history->setFocusPolicy(Qt::NoFocus);
    setStyleSheet(u"QWidget#accueilPublicDisplay { background: #0b3d66; } "
                  u"QLabel#displayCurrent { color: white; } "
                  u"QListWidget#displayHistory { background: #0b3d66; color: #e6eef5; border: none; }"_s);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_current, 2);
    layout->addWidget(m_history, 3);
    resize(900, 600);
    connect(&m_controller.watcher(), &DatabaseWatcher::changed, this, &PublicDisplayWindow::reload);
    reload();
}

void PublicDisplayWindow::reload()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<QList<Desk>> desks = CounterSetup(*s).desks(true);
    m_deskNames.clear();
    for (const Desk& d : desks ? *desks : QList<Desk>{})
        m_deskNames.insert(d.id, d.displayName());
    const Result<QList<Ticket>> called = QueueService(*s).announced(8);
    m_history->clear();
    if (!called || called->isEmpty()) {
        m_current->setText(tr("Bienvenue à l'IRIS"));
        return;
    }
    const auto line = [this](const Ticket& t) {
        return tr("%1  →  %2").arg(t.label, m_deskNames.value(t.deskId));
    };
    m_current->setText(line(called->constFirst()));
    for (qsizetype i = 1; i < called->size(); ++i)
        m_history->addItem(line(called->at(i)));
}

void PublicDisplayWindow::showOnSecondScreen()
{
    const QList<QScreen*> screens = QGuiApplication::screens();
    if (screens.size() > 1) {
        setGeometry(screens.at(1)->geometry());
        showFullScreen();
    } else {
        show();
    }
    raise();
}

QString PublicDisplayWindow::currentText() const
{
    return m_current->text();
}

QStringList PublicDisplayWindow::historyTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_history->count(); ++i)
        texts << m_history->item(i)->text();
    return texts;
}

} // namespace iris::accueil
