#include "app/desk/src/ConnectionBanner.h"

#include "core/storage/ChangeFeed.h"
#include "core/storage/Database.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace iris::shell {

ConnectionBanner::ConnectionBanner(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(u"connectionBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xc8));
    p.setColor(QPalette::WindowText, QColor(0x5c, 0x3b, 0x00));
    setPalette(p);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    m_text = new QLabel(this);
    m_text->setObjectName(u"connectionBannerText"_s);
    m_text->setWordWrap(true);
    layout->addWidget(m_text, 1);
    setAccessibleName(tr("État de la connexion au serveur"));
    hide();
}

ConnectionBanner::~ConnectionBanner() = default;

void ConnectionBanner::watch(const std::shared_ptr<Database>& db)
{
    if (!db || !db->isServer())
        return;
    m_feed = ChangeFeed::shared(db);
    const auto lost = [this](const QString& message) {
        m_text->setText(message + u' '
            + tr("Vos saisies sont conservées ; rien n'est enregistré tant que le serveur ne répond pas."));
        show();
    };
    connect(m_feed.get(), &ChangeFeed::connectionLost, this, lost);
    connect(m_feed.get(), &ChangeFeed::connectionRestored, this, [this] {
        hide();
        Q_EMIT restored();
    });
    if (!m_feed->isConnected())
        lost(tr("Connexion au serveur perdue — nouvelle tentative…"));
}

} // namespace iris::shell
