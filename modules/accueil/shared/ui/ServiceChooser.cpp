#include "modules/accueil/shared/ui/ServiceChooser.h"

#include "core/base/PhoneNumber.h"

#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

ServiceChooser::ServiceChooser(const QString& objectPrefix, QWidget* parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_info(new QLabel(this))
{
    m_combo->setObjectName(QString(objectPrefix + u"Service"_s));
    m_info->setObjectName(QString(objectPrefix + u"ServiceInfo"_s));
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_combo->completer()->setFilterMode(Qt::MatchContains);
    m_combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_combo->lineEdit()->setPlaceholderText(tr("Service de l'annuaire…"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    layout->addWidget(m_info);
    setFocusProxy(m_combo);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        showInfo();
        Q_EMIT serviceChanged(currentServiceId());
    });
}

void ServiceChooser::setServices(const QList<MunicipalService>& services)
{
    m_services = services;
    const QSignalBlocker block(m_combo);
    m_combo->clear();
    for (const MunicipalService& s : services)
        m_combo->addItem(s.name, s.id);
    m_combo->setCurrentIndex(-1);
    showInfo();
}

qint64 ServiceChooser::currentServiceId() const
{
    return m_combo->currentIndex() >= 0 ? m_combo->currentData().toLongLong() : 0;
}

void ServiceChooser::setCurrentService(qint64 serviceId)
{
    m_combo->setCurrentIndex(m_combo->findData(serviceId));
}

QString ServiceChooser::infoText() const
{
    return m_info->text();
}

QString ServiceChooser::describe(const MunicipalService& s, const QDateTime& now)
{
    QStringList parts;
    if (!s.phone.isEmpty())
        parts << tr("Tél. %1").arg(PhoneNumber::format(s.phone));
    if (!s.address.line2.isEmpty())
        parts << s.address.line2;
    if (!s.hours.isEmpty())
        parts << s.hours.toDisplayText();
    if (s.isOpenAt(now)) {
        parts << tr("Ouvert en ce moment");
    } else {
        const QDateTime next = s.hours.nextOpening(now);
        parts << (next.isValid() ? tr("Fermé — ouvre %1 à %2")
                                       .arg(QLocale(QLocale::French).toString(next.date(), u"dddd d MMMM"_s),
                                            next.toString(u"HH:mm"_s))
                                 : tr("Fermé"));
    }
    if (!s.onDutyNotes.isEmpty())
        parts << s.onDutyNotes;
    return parts.join(u" — "_s);
}

void ServiceChooser::showInfo()
{
    const qint64 id = currentServiceId();
    for (const MunicipalService& s : std::as_const(m_services)) {
        if (s.id == id) {
            m_info->setText(describe(s, m_now()));
            return;
        }
    }
    m_info->clear();
}

} // namespace iris::accueil
