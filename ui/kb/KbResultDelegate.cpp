#include "ui/kb/KbResultDelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace iris::ui {

namespace {

void prepare(QTextDocument& doc, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    doc.setDefaultFont(option.font);
    doc.setHtml(index.data(KbResultDelegate::HtmlRole).toString());
    doc.setTextWidth(qMax(100, option.rect.width() - 8));
}

} // namespace

void KbResultDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    QTextDocument doc;
    prepare(doc, option, index);
    painter->save();
    painter->translate(option.rect.topLeft() + QPoint(4, 2));
    QAbstractTextDocumentLayout::PaintContext context;
    if (option.state & QStyle::State_Selected)
        context.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize KbResultDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QTextDocument doc;
    prepare(doc, option, index);
    return QSize(int(doc.idealWidth()) + 8, int(doc.size().height()) + 4);
}

} // namespace iris::ui
