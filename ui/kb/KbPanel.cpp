#include "ui/kb/KbPanel.h"

#include "ui/kb/KbArticleHtml.h"
#include "ui/kb/KbArticleView.h"
#include "ui/kb/KbResultDelegate.h"
#include "ui/kb/KbSearchWorker.h"
#include "ui/widgets/DebouncedLineEdit.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QGridLayout>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <utility>

namespace iris::ui {

using namespace iris::kb;

namespace {

QString& nextGapsPath()
{
    static QString path;
    return path;
}

constexpr int UidRole = Qt::UserRole + 1;

} // namespace

void KbPanel::setNextGapsPath(const QString& path)
{
    nextGapsPath() = path;
}

KbPanel::KbPanel(const QString& kbPath, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("kbPanel"));
    m_field = new DebouncedLineEdit(this, DebounceMs);
    m_field->setObjectName(QStringLiteral("kbSearchField"));
    m_field->setPlaceholderText(tr("Rechercher dans la base de connaissances…"));
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("kbResults"));
    m_results->setItemDelegate(new KbResultDelegate(m_results));
    m_results->setWordWrap(true);
    m_results->setUniformItemSizes(false);
    m_view = new KbArticleView(this);
    m_view->setObjectName(QStringLiteral("kbArticleView"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("kbStatus"));
    m_status->setWordWrap(true);

    m_copy = new QPushButton(tr("Copier la réponse"), this);
    m_copy->setObjectName(QStringLiteral("kbCopyButton"));
    m_insertButton = new QPushButton(tr("Insérer dans la réponse"), this);
    m_insertButton->setObjectName(QStringLiteral("kbInsertButton"));
    m_notFound = new QPushButton(tr("Pas trouvé"), this);
    m_notFound->setObjectName(QStringLiteral("kbNotFoundButton"));
    m_notFound->setToolTip(tr("Signaler que la base ne répond pas à cette recherche"));
    m_gaps = new QPushButton(tr("Manques de la base (CSV)…"), this);
    m_gaps->setObjectName(QStringLiteral("kbGapsButton"));
    m_copy->setEnabled(false);
    m_insertButton->setEnabled(false);
    m_insertButton->setVisible(false);
    m_notFound->setEnabled(false);

    // Two short rows, the answer's actions above the base's: in one row, the insert
    // button shown beside a reply widened the dock, and with it the main window, past
    // the screen.
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_copy, 0, 0);
    buttons->addWidget(m_insertButton, 0, 1);
    buttons->addWidget(m_notFound, 1, 0);
    buttons->addWidget(m_gaps, 1, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_results);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_field);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    m_worker = new KbSearchWorker(kbPath);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("kbsearch"));
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &KbSearchWorker::searched, this, &KbPanel::onSearched);
    connect(m_worker, &KbSearchWorker::searchFailed, this, &KbPanel::onSearchFailed);
    connect(m_worker, &KbSearchWorker::articleLoaded, this, &KbPanel::onArticleLoaded);
    connect(m_worker, &KbSearchWorker::articleFailed, this, [this](const QString& message) {
        clearArticle(); // never leave the previous answer behind a failed load
        setStatus(message);
    });
    connect(m_worker, &KbSearchWorker::seeded, this, [this](int, const QString& error) {
        if (!error.isEmpty())
            setStatus(error);
    });
    connect(m_worker, &KbSearchWorker::feedbackDone, this, [this](bool ok, const QString& message) {
        setStatus(ok ? tr("Merci : cette recherche est signalée aux rédacteurs de la base.") : message);
        if (ok)
            Q_EMIT feedbackRecorded();
    });
    connect(m_worker, &KbSearchWorker::gapsExported, this, [this](bool ok, const QString& message) {
        setStatus(ok ? tr("Rapport enregistré : %1").arg(QDir::toNativeSeparators(message)) : message);
        if (ok)
            Q_EMIT gapsExported(message);
    });
    m_thread.start();

    connect(m_field, &DebouncedLineEdit::queryChanged, this, &KbPanel::onQueryChanged);
    // "Pas trouvé" always refers to the results on screen: off while the agent types.
    connect(m_field, &QLineEdit::textEdited, m_notFound, [this] { m_notFound->setEnabled(false); });
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0)
            openItem(m_results->item(0));
    });
    connect(m_results, &QListWidget::itemActivated, this, &KbPanel::openItem);
    connect(m_results, &QListWidget::itemClicked, this, &KbPanel::openItem);
    connect(m_view, &KbArticleView::externalLinkActivated, this,
        [](const QUrl& url) { QDesktopServices::openUrl(url); });
    connect(m_copy, &QPushButton::clicked, this, &KbPanel::copyAnswer);
    connect(m_insertButton, &QPushButton::clicked, this, &KbPanel::insertAnswer);
    connect(m_notFound, &QPushButton::clicked, this, &KbPanel::markNotFound);
    connect(m_gaps, &QPushButton::clicked, this, &KbPanel::exportGaps);
    setFocusProxy(m_field);
}

KbPanel::~KbPanel()
{
    m_thread.quit();
    m_thread.wait();
}

void KbPanel::seedDemoContentIfEmpty()
{
    QMetaObject::invokeMethod(m_worker, &KbSearchWorker::seedIfEmpty, Qt::QueuedConnection);
}

void KbPanel::search(const QString& text)
{
    m_field->blockSignals(true);
    m_field->setText(text);
    m_field->blockSignals(false);
    onQueryChanged(text);
}

void KbPanel::focusSearch()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

std::optional<KbArticle> KbPanel::currentArticle() const
{
    return m_article;
}

void KbPanel::setInsertHandler(std::function<void(const QString&)> insert)
{
    m_insert = std::move(insert);
    m_insertButton->setVisible(bool(m_insert));
    m_insertButton->setEnabled(bool(m_insert) && m_article.has_value());
}

void KbPanel::onQueryChanged(const QString& text)
{
    const quint64 serial = ++m_serial;
    m_lastQuery = text;
    m_worker->setLatest(serial);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, serial, text] { worker->search(serial, text, ResultLimit); },
        Qt::QueuedConnection);
}

void KbPanel::onSearched(quint64 serial, const KbSearchResult& result)
{
    if (serial != m_serial)
        return; // an answer to an older query
    m_lastNormalized = result.normalizedQuery;
    m_results->clear();
    for (const KbSearchHit& hit : result.hits) {
        auto* item = new QListWidgetItem(m_results);
        item->setData(UidRole, hit.uid);
        item->setText(hit.title);
        item->setToolTip(hit.title);
        QString html = QStringLiteral("<b>%1</b>").arg(hit.title.toHtmlEscaped());
        if (hit.reviewBy.isValid() && hit.reviewBy < m_today)
            html += QStringLiteral(" <span style=\"color:#a40000\">%1</span>").arg(tr("(à revoir)"));
        QString snippet = hit.snippetHtml();
        snippet.replace(QLatin1String("<mark>"), QLatin1String("<b>"))
            .replace(QLatin1String("</mark>"), QLatin1String("</b>"));
        html += QStringLiteral("<br/><span>%1</span>").arg(snippet);
        item->setData(KbResultDelegate::HtmlRole, html);
    }
    // The viewer always shows an answer to the query on screen: the first result, or
    // nothing at all, so that "Copier la réponse" never hands out an earlier answer.
    if (m_results->count() > 0) {
        m_results->setCurrentRow(0);
        requestArticle(m_results->item(0)->data(UidRole).toString());
    } else {
        m_requestedUid.clear();
        clearArticle();
    }
    const bool hasQuery = !m_lastQuery.trimmed().isEmpty();
    m_notFound->setEnabled(hasQuery);
    if (!hasQuery)
        setStatus(QString());
    else if (result.hits.isEmpty())
        setStatus(tr("Aucun article ne correspond à « %1 ». Signalez-le avec « Pas trouvé ».")
                      .arg(m_lastQuery.simplified()));
    else if (!result.corrections.isEmpty())
        setStatus(tr("Recherche corrigée : %1").arg(result.corrections.join(QStringLiteral(", "))));
    else
        setStatus(tr("%n article(s)", nullptr, int(result.hits.size())));
    Q_EMIT resultsShown(int(result.hits.size()));
}

void KbPanel::onSearchFailed(quint64 serial, const QString& message)
{
    if (serial != m_serial)
        return;
    // The list and the viewer belong to an earlier query: they are no answer to this one.
    m_results->clear();
    m_requestedUid.clear();
    clearArticle();
    setStatus(message);
}

void KbPanel::openItem(QListWidgetItem* item)
{
    if (item)
        requestArticle(item->data(UidRole).toString());
}

void KbPanel::requestArticle(const QString& uid)
{
    m_requestedUid = uid;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, uid] { worker->loadArticle(uid); }, Qt::QueuedConnection);
}

void KbPanel::clearArticle()
{
    m_article.reset();
    m_view->clear();
    m_copy->setEnabled(false);
    m_insertButton->setEnabled(false);
}

void KbPanel::onArticleLoaded(const KbArticle& article)
{
    if (article.uid != m_requestedUid)
        return; // asked for before the results changed
    m_article = article;
    m_view->setHtml(KbArticleHtml::render(article, m_today));
    m_copy->setEnabled(true);
    m_insertButton->setEnabled(bool(m_insert));
    Q_EMIT articleShown(article.uid);
}

void KbPanel::copyAnswer()
{
    if (!m_article)
        return;
    QApplication::clipboard()->setText(KbArticleHtml::plainAnswer(*m_article));
    setStatus(tr("Réponse copiée dans le presse-papiers."));
}

void KbPanel::insertAnswer()
{
    if (m_article && m_insert)
        m_insert(KbArticleHtml::plainAnswer(*m_article));
}

void KbPanel::markNotFound()
{
    const QString query = m_lastQuery.simplified();
    if (query.isEmpty())
        return;
    const QString normalized = m_lastNormalized;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, query, normalized] { worker->recordNotFound(query, normalized); },
        Qt::QueuedConnection);
    m_notFound->setEnabled(false); // once per search
}

void KbPanel::exportGaps()
{
    QString path = std::exchange(nextGapsPath(), QString());
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Enregistrer les manques de la base"),
            QDir::home().filePath(tr("manques-base-connaissances.csv")), tr("Fichiers CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, path] { worker->exportGaps(path); }, Qt::QueuedConnection);
}

void KbPanel::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

} // namespace iris::ui
