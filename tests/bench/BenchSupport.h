#pragma once

// Small helpers shared by the benchmarks (header-only: each bench is one executable).

#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace iris::bench {

/// A field of /proc/self/status ("VmHWM:", "VmRSS:"), as the kernel prints it; "?" if unreadable.
inline QString procStatus(const char* key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return QString::fromLatin1(line.mid(qstrlen(key)).simplified());
    }
    return QStringLiteral("?");
}

/// The p-th percentile (0..1) of the values, nearest rank; 0 for none.
inline double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = qBound<qsizetype>(0, qsizetype(p * double(v.size() - 1) + 0.5), v.size() - 1);
    return v.at(i);
}

/// `count` citizen searches as agents type them, drawn from the database's own rows
/// (deterministic): name prefixes, "nom prénom", "prénom nom", upper case, the last digits of
/// a phone number, a number as dictated, an e-mail, a first name.
inline QStringList citizenSearchQueries(QSqlDatabase db, int count)
{
    QStringList queries;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT nom_usage, nom_naissance, prenoms, phone, email FROM citizens ORDER BY id"));
    QList<QStringList> rows;
    while (q.next())
        rows << QStringList { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toString() };
    QRandomGenerator rng(7);
    int attempts = 0;
    while (queries.size() < count && !rows.isEmpty() && ++attempts < 100 * count) {
        const QStringList& r = rows.at(rng.bounded(int(rows.size())));
        const QString nom = r.at(0).isEmpty() ? r.at(1) : r.at(0);
        const QString prenom = r.at(2).section(u' ', 0, 0);
        const QString phone = r.at(3);
        const QString email = r.at(4);
        const bool mobile = phone.startsWith(QStringLiteral("+33")) && phone.size() == 12;
        switch (queries.size() % 8) {
        case 0: queries << nom.left(3 + rng.bounded(3)).toLower(); break;                      // "dup", "dupo"
        case 1: queries << QString(nom + u' ' + prenom.left(3)); break;                        // "Dupont jea"
        case 2: queries << QString(prenom.toLower() + u' ' + nom.left(3).toLower()); break;    // "jean dup"
        case 3: queries << QString(nom.left(3) + u' ' + prenom.left(3)).toUpper(); break;      // "DUP JEA"
        case 4:
            if (mobile)
                queries << phone.right(4);                                                     // last digits
            break;
        case 5:
            if (mobile) {
                const QString n = QString(u'0' + phone.mid(3));
                queries << QStringLiteral("%1 %2 %3 %4 %5").arg(n.mid(0, 2), n.mid(2, 2), n.mid(4, 2), n.mid(6, 2), n.mid(8, 2));
            }
            break;
        case 6:
            if (!email.isEmpty())
                queries << email;
            break;
        case 7: queries << prenom.left(4).toLower(); break;                                    // "jean"
        }
    }
    return queries;
}

} // namespace iris::bench
