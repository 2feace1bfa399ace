#pragma once

#include <QStyledItemDelegate>

namespace iris::ui {

/// Draws a search result: its title, a flag when past its review date, and the
/// snippet with the matched words in bold (HTML built from escaped text).
class KbResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    /// Item role holding the result's rich text.
    static constexpr int HtmlRole = Qt::UserRole + 10;

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace iris::ui
