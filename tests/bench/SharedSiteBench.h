#pragma once

// Pieces of bench_shared_site (the shared PostgreSQL site at 100,000 citizens / 1,000,000
// contacts): the sections run by the main process, and the worker processes it starts (the
// bench binary itself, with a --…-worker first argument).

#include "core/storage/Database.h"

#include <QList>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace iris::bench {

/// Nanoseconds on CLOCK_MONOTONIC: the same clock in every process of the machine, so that a
/// commit in one process and a notification in another can be compared.
qint64 monotonicNs();

/// One line of figures: "p50 … ms  p95 … ms", then the floor's and the p95 ratio when given.
void printRow(QTextStream& out, const char* what, const QList<double>& ms, const QList<double>& floorMs = {});

/// Call next from `desks` desk processes at once, `perDesk` tickets each, through
/// QueueService; then the statements it sends, each in one round trip of bare libpq, from as
/// many processes. false when a worker failed or a ticket was
/// given twice.
bool benchCallNext(QTextStream& out, const std::shared_ptr<Database>& db, int desks, int perDesk);

/// A ticket issued in another process, until this process's change feed reports it and its
/// waiting list is read again: `rounds` times.
bool benchNotifyToRefresh(QTextStream& out, const std::shared_ptr<Database>& db, int rounds);

/// The worker processes: "--desk-worker TARGET DESK LOGIN GOFILE service|bare DAY" and
/// "--notify-worker TARGET" (reads "issue" lines on stdin, answers "<id> <monotonic ns>").
int runDeskWorker(const QStringList& args);
int runNotifyWorker(const QStringList& args);

} // namespace iris::bench
