#pragma once

#include "modules/etatcivil/data/ActRequest.h"
#include "modules/etatcivil/documents/LetterHead.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace iris::etatcivil {

/// The documents of an acte request, as HTML for PdfRenderer:
/// - receipt: acknowledgement (CRPA L112-3, content per R112-5): date of receipt, service and
///   contact details, what was asked, the announced processing date, the silence rule and
///   the appeal routes;
/// - delivery slip: what was handed over or sent, with the register reference, free of charge;
/// - refusal letter: the request, the reason and the rule applied, what may be obtained
///   instead, the appeal routes;
/// - orientation letter: where the request must be sent and why.
class ActRequestLetters final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::ActRequestLetters)

public:
    ActRequestLetters() = delete;

    static QString receipt(const ActRequest& request, const LetterHead& head, const QString& agentName);
    static QString deliverySlip(const ActRequest& request, const LetterHead& head, const QString& agentName);
    static QString refusalLetter(const ActRequest& request, const LetterHead& head, const QString& agentName,
                                 const QDate& on = QDate::currentDate());
    static QString orientationLetter(const ActRequest& request, const LetterHead& head, const QString& agentName,
                                     const QDate& on = QDate::currentDate());
    /// Suggested file name: "EC-2026-000012-recepisse.pdf".
    static QString fileName(const ActRequest& request, const QString& kind);
};

} // namespace iris::etatcivil
