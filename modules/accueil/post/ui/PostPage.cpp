#include "modules/accueil/post/ui/PostPage.h"

#include "core/domain/Agent.h"
#include "core/domain/MunicipalService.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/post/PostDocumentStore.h"
#include "modules/accueil/post/PostIds.h"
#include "modules/accueil/post/PostLetterWriter.h"
#include "modules/accueil/post/PostService.h"
#include "modules/accueil/post/ui/AssignLetterDialog.h"
#include "modules/accueil/post/ui/PostDesktop.h"
#include "modules/accueil/post/ui/PostPrinting.h"
#include "modules/accueil/post/ui/PostRegisterModel.h"
#include "modules/accueil/post/ui/RegisterLetterDialog.h"
#include "modules/accueil/post/ui/ReplyLetterDialog.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/DatabaseWatcher.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "ui/widgets/DebouncedLineEdit.h"
#include "ui/widgets/MessageBox.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
constexpr int AllStatuses = -1;
constexpr int ScopeRole = Qt::UserRole + 1; ///< the postScope item's OverdueQuery::Scope (view Assigned)
} // namespace

PostPage::PostPage(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_search(new ui::DebouncedLineEdit(this))
    , m_status(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new PostRegisterModel(this))
    , m_detail(new QLabel(this))
    , m_documents(new QListWidget(this))
{
    setObjectName(u"postPage"_s);
    m_search->setObjectName(u"postSearch"_s);
    m_search->setPlaceholderText(tr("Numéro, expéditeur ou objet (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_status->setObjectName(u"postStatusFilter"_s);
    m_status->addItem(tr("À traiter"), int(PostStatus::ATraiter));
    m_status->addItem(tr("Répondus"), int(PostStatus::Repondu));
    m_status->addItem(tr("Classés"), int(PostStatus::Classe));
    m_status->addItem(tr("Tous"), AllStatuses);
    m_scope->setObjectName(u"postScope"_s);
    fillScopes();
    m_count->setObjectName(u"postCount"_s);
    m_table->setObjectName(u"postTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(PostRegisterModel::Subject, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(
        PostRegisterModel::Reference, QHeaderView::ResizeToContents);
    m_detail->setObjectName(u"postDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_documents->setObjectName(u"postDocuments"_s);
    m_documents->setMaximumHeight(110);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_scope);
    filters->addWidget(m_count);

    // Buttons and their page shortcuts (active while the page has focus).
    auto* buttons = new QHBoxLayout;
    struct Spec
    {
        const char* name;
        QString text;
        QKeySequence key;
        void (PostPage::*slot)();
    };
    const QList<Spec> specs = {
        { "postRegister", tr("Enregistrer un courrier… (Ctrl+Maj+C)"), {}, &PostPage::registerLetter },
        { "postAcknowledge", tr("Accusé de réception (Ctrl+R)"), QKeySequence(Qt::CTRL | Qt::Key_R),
            &PostPage::acknowledge },
        { "postAttachScan", tr("Joindre le scan… (Ctrl+J)"), QKeySequence(Qt::CTRL | Qt::Key_J),
            &PostPage::attachScan },
        { "postAssign", tr("Attribuer… (Ctrl+Alt+A)"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A),
            &PostPage::assign },
        { "postReply", tr("Réponse… (Ctrl+Alt+R)"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R),
            &PostPage::reply },
        { "postFile", tr("Classer (Ctrl+Alt+C)"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C),
            &PostPage::fileLetter },
    };
    for (const Spec& spec : specs) {
        auto* button = new QPushButton(spec.text, this);
        button->setObjectName(QLatin1String(spec.name));
        connect(button, &QPushButton::clicked, this, spec.slot);
        buttons->addWidget(button);
        if (spec.slot == &PostPage::registerLetter)
            button->setVisible(controller.can(ids::PermPost)); // only the register's keepers register
        else
            m_letterButtons.append(button);
        if (!spec.key.isEmpty()) {
            auto* action = new QAction(spec.text, this);
            action->setShortcut(spec.key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            connect(action, &QAction::triggered, this, spec.slot);
            addAction(action);
        }
    }
    buttons->addStretch(1);
    const auto shortcut = [this](QKeySequence key, const QString& text, auto slot) {
        auto* action = new QAction(text, this); // its line in the F1 list
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_F), tr("Rechercher dans le registre"), [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_O), tr("Fiche de l'usager"), [this] {
        if (const PostLetter* l = current(); l && l->citizenId > 0)
            m_controller.openCitizen(l->citizenId);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_documents);

    connect(m_search, &ui::DebouncedLineEdit::queryChanged, this, &PostPage::reload);
    connect(m_status, &QComboBox::currentIndexChanged, this, &PostPage::reload);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &PostPage::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PostPage::showCurrent);
    connect(m_documents, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { openDocument(item->data(Qt::UserRole).toLongLong()); });
    connect(&m_controller.watcher(), &DatabaseWatcher::changed, this, &PostPage::reload);
    reload();
}

PostPage::~PostPage() = default;

void PostPage::fillScopes()
{
    CoreServices* s = m_controller.services();
    QString service = tr("mon service");
    if (s && s->session().agent().serviceId > 0) {
        if (const Result<MunicipalService> m = s->directory().get(s->session().agent().serviceId); m)
            service = m->name;
    }
    const auto add = [this](const QString& text, PostView view, OverdueQuery::Scope scope) {
        m_scope->addItem(text, int(view));
        m_scope->setItemData(m_scope->count() - 1, int(scope), ScopeRole);
    };
    // The counter registers and dispatches the post: its own register comes first.
    if (m_controller.can(ids::PermPost)) {
        add(tr("Enregistrés par %1").arg(service), PostView::RegisteredByMyService,
            OverdueQuery::Scope::MyService);
        add(tr("Enregistrés par moi"), PostView::RegisteredByMe, OverdueQuery::Scope::Mine);
        add(tr("Reçus aujourd'hui"), PostView::ReceivedToday, OverdueQuery::Scope::MyService);
        add(tr("À distribuer aux services"), PostView::ToDispatch, OverdueQuery::Scope::MyService);
    }
    add(tr("Confiés à %1").arg(service), PostView::Assigned, OverdueQuery::Scope::MyService);
    add(tr("Confiés à moi"), PostView::Assigned, OverdueQuery::Scope::Mine);
    if (m_controller.can(ids::PermSupervise))
        add(tr("Tous les services"), PostView::Assigned, OverdueQuery::Scope::All);
}

const PostLetter* PostPage::current() const
{
    return m_model->letterAt(m_table->currentIndex().row());
}

qint64 PostPage::currentLetterId() const
{
    const PostLetter* l = current();
    return l ? l->id : 0;
}

void PostPage::reload()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const qint64 selected = currentLetterId();
    PostFilter filter;
    if (const int status = m_status->currentData().toInt(); status != AllStatuses)
        filter.status = PostStatus(status);
    filter.view = PostView(m_scope->currentData().toInt());
    filter.scope = OverdueQuery::Scope(m_scope->currentData(ScopeRole).toInt());
    filter.text = m_search->text();
    const Result<QList<PostLetter>> letters = PostService(*s).list(filter);
    if (!letters) {
        m_model->setLetters({}, {}, QDate::currentDate());
        m_count->setText(letters.error().message());
        showCurrent();
        return;
    }
    // Names of the assignees, read once per reload.
    QHash<qint64, QString> agents, services, assignees;
    if (const auto list = s->agents().list(true)) {
        for (const Agent& a : *list)
            agents.insert(a.id, a.displayName);
    }
    if (const auto list = s->directory().list(true)) {
        for (const MunicipalService& m : *list)
            services.insert(m.id, m.name);
    }
    const QDate today = QDate::currentDate();
    int late = 0;
    for (const PostLetter& l : *letters) {
        QStringList who { agents.value(l.assignedAgentId), services.value(l.assignedServiceId) };
        who.removeAll(QString());
        assignees.insert(l.id, who.join(u", "_s));
        late += l.isOverdue(today) ? 1 : 0;
    }
    m_model->setLetters(*letters, assignees, today);
    m_count->setText(tr("%n courrier(s), dont %1 en retard", nullptr, int(letters->size())).arg(late));
    select(selected);
    showCurrent();
}

void PostPage::select(qint64 letterId)
{
    const int row = m_model->rowOf(letterId);
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, 0));
}

void PostPage::showLetter(qint64 letterId)
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<PostLetter> letter = PostService(*s).get(letterId);
    if (!letter) {
        ui::MessageBox::warning(this, tr("Courrier"), letter.error().toString());
        return;
    }
    const QSignalBlocker a(m_status), b(m_scope);
    m_status->setCurrentIndex(m_status->findData(AllStatuses));
    // get() succeeded: the letter is assigned to the agent's service (or they supervise).
    const auto wanted = m_controller.can(ids::PermSupervise) ? OverdueQuery::Scope::All
                                                             : OverdueQuery::Scope::MyService;
    for (int i = 0; i < m_scope->count(); ++i) {
        if (PostView(m_scope->itemData(i).toInt()) == PostView::Assigned
            && OverdueQuery::Scope(m_scope->itemData(i, ScopeRole).toInt()) == wanted)
            m_scope->setCurrentIndex(i);
    }
    m_search->setText(letter->reference);
    reload();
    select(letterId);
    m_table->setFocus();
}

void PostPage::showCurrent()
{
    m_documents->clear();
    const PostLetter* l = current();
    CoreServices* services = m_controller.services();
    // What the agent may do on this letter: the counter sees what it registered and handed
    // on, but only the assignee (or a supervisor) acts on it.
    const bool handles = l && services && PostService(*services).mayHandle(*l);
    const QString assignee
        = m_model->index(m_table->currentIndex().row(), PostRegisterModel::Assignee).data().toString();
    for (QPushButton* button : std::as_const(m_letterButtons)) {
        button->setEnabled(handles);
        button->setToolTip(l && !handles
                ? tr("Ce courrier est confié à %1 : seul ce service peut le traiter.").arg(assignee)
                : QString());
    }
    if (!l) {
        m_detail->setText(tr("Choisissez un courrier du registre."));
        return;
    }
    QStringList lines;
    lines << tr("<b>%1</b> — reçu le %2 — %3")
                 .arg(l->reference, l->receivedOn.toString(u"dd/MM/yyyy"_s), l->senderName.toHtmlEscaped());
    lines << l->subject.toHtmlEscaped();
    if (l->silence != SilenceRule::SansObjet)
        lines << tr("%1 : décision implicite le %2")
                     .arg(PostVocabulary::silenceLabel(l->silence),
                         l->silenceDecisionOn().toString(u"dd/MM/yyyy"_s));
    if (!l->missingPieces.isEmpty())
        lines << tr("Pièces manquantes (avant le %1) : %2")
                     .arg(l->piecesDueOn.toString(u"dd/MM/yyyy"_s),
                         l->missingPieces.join(u", "_s).toHtmlEscaped());
    lines << (l->acknowledgedOn.isValid()
            ? tr("Accusé de réception le %1").arg(l->acknowledgedOn.toString(u"dd/MM/yyyy"_s))
            : tr("Accusé de réception à envoyer avant le %1")
                  .arg(l->acknowledgementDueOn.toString(u"dd/MM/yyyy"_s)));
    if (l->status == PostStatus::Repondu)
        lines << tr("Répondu le %1 (%2) : %3")
                     .arg(l->repliedOn.toString(u"dd/MM/yyyy"_s),
                         PostVocabulary::replyModeLabel(l->replyMode).toLower(),
                         l->replySummary.toHtmlEscaped());
    m_detail->setText(lines.join(u"<br>"_s));
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    // Names only (not audited); opening a document is the audited consultation.
    const Result<QList<PostDocument>> docs = PostDocumentStore(*s).documents(l->id);
    if (!docs)
        return;
    for (const PostDocument& d : *docs) {
        auto* item = new QListWidgetItem(tr("%1 — %2 (%3)")
                                             .arg(PostVocabulary::documentKindLabel(d.kind), d.fileName,
                                                 d.createdAt.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s)),
            m_documents);
        item->setData(Qt::UserRole, d.id);
    }
}

bool PostPage::checkedOpen(const PostLetter* l)
{
    if (!l) {
        m_controller.showStatus(tr("Choisissez d'abord un courrier du registre."));
        return false;
    }
    return true;
}

void PostPage::registerLetter()
{
    auto* dialog = new RegisterLetterDialog(m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_controller.track(dialog);
    connect(dialog, &RegisterLetterDialog::letterRegistered, this, [this](qint64 id) {
        reload();
        select(id);
        m_controller.showStatus(tr("Courrier enregistré."));
    });
    dialog->open();
}

void PostPage::acknowledge()
{
    const PostLetter* selected = current();
    CoreServices* s = m_controller.services();
    if (!checkedOpen(selected) || !s)
        return;
    // A copy: the register reloads when another workstation writes, even under a modal dialog.
    const PostLetter l = *selected;
    PostLetterWriter writer(*s, defaultPostPrinting());
    const Result<PostDocument> doc = writer.generateAcknowledgement(l.id);
    if (!doc) {
        ui::MessageBox::warning(this, tr("Accusé de réception"), doc.error().toString());
        return;
    }
    m_controller.showStatus(tr("Accusé de réception du courrier %1 enregistré.").arg(l.reference));
    const qint64 id = doc->id;
    reload();
    openDocument(id);
}

void PostPage::attachScan()
{
    const PostLetter* selected = current();
    CoreServices* s = m_controller.services();
    if (!checkedOpen(selected) || !s)
        return;
    // A copy: the register reloads when another workstation writes, even under a modal dialog.
    const PostLetter l = *selected;
    const QString path = PostDesktop::choosePdf(this, tr("Courrier numérisé"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ui::MessageBox::warning(
            this, tr("Courrier numérisé"), tr("Le fichier « %1 » ne peut pas être lu.").arg(path));
        return;
    }
    const Result<PostDocument> doc = PostDocumentStore(*s).attach(
        l.id, PostDocumentKind::Scan, PostAttachment { path, file.readAll() });
    if (!doc) {
        ui::MessageBox::warning(this, tr("Courrier numérisé"),
            doc.error().fields().isEmpty() ? doc.error().toString() : doc.error().fields().first().message);
        return;
    }
    showCurrent();
}

void PostPage::assign()
{
    const PostLetter* selected = current();
    if (!checkedOpen(selected))
        return;
    // A copy: the register reloads when another workstation writes, even under a modal dialog.
    const PostLetter l = *selected;
    auto* dialog = new AssignLetterDialog(m_controller, l, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_controller.track(dialog);
    connect(dialog, &QDialog::accepted, this, &PostPage::reload);
    dialog->open();
}

void PostPage::reply()
{
    const PostLetter* selected = current();
    if (!checkedOpen(selected))
        return;
    // A copy: the register reloads when another workstation writes, even under a modal dialog.
    const PostLetter l = *selected;
    auto* dialog = new ReplyLetterDialog(m_controller, l, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_controller.track(dialog);
    connect(dialog, &QDialog::accepted, this, &PostPage::reload);
    connect(dialog, &ReplyLetterDialog::documentGenerated, this, &PostPage::openDocument);
    dialog->open();
}

void PostPage::fileLetter()
{
    const PostLetter* selected = current();
    CoreServices* s = m_controller.services();
    if (!checkedOpen(selected) || !s)
        return;
    // A copy: the register reloads when another workstation writes, even under a modal dialog.
    const PostLetter l = *selected;
    if (ui::MessageBox::question(
            this, tr("Classer le courrier"), tr("Classer le courrier %1 sans réponse ?").arg(l.reference))
        != QMessageBox::Yes)
        return;
    const Result<PostLetter> r = PostService(*s).file(l.id, l.version, {});
    if (!r) {
        ui::MessageBox::warning(this, tr("Classer le courrier"), r.error().toString());
        return;
    }
    reload();
}

void PostPage::openDocument(qint64 documentId)
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    PostDocumentStore store(*s);
    const Result<QByteArray> bytes = store.content(documentId);
    if (!bytes) {
        ui::MessageBox::warning(this, tr("Document"), bytes.error().toString());
        return;
    }
    QString name;
    if (const PostLetter* l = current()) {
        if (const auto docs = store.documents(l->id)) {
            for (const PostDocument& d : *docs) {
                if (d.id == documentId)
                    name = QString(l->reference + u'-' + QString::number(d.id) + u'-'
                        + PostVocabulary::documentKindId(d.kind) + u".pdf"_s);
            }
        }
    }
    if (name.isEmpty())
        name = u"document-%1.pdf"_s.arg(documentId);
    if (const QString failure = PostDesktop::writeAndOpen(name, *bytes); !failure.isEmpty())
        ui::MessageBox::warning(this, tr("Document"), failure);
}

} // namespace iris::accueil
