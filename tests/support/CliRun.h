#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace iris::test {

/// What one run of the build's iris-cli gave.
struct CliRun
{
    int exitCode = -1;  ///< -1: did not start, crashed or was killed after the timeout
    QString out;        ///< standard output, UTF-8 decoded
    QString err;        ///< standard error, UTF-8 decoded
    QByteArray rawOut;  ///< standard output as written (JSON, exact bytes)
};

/// Runs `<build>/bin/iris-cli` with these arguments, writing `input` to its standard
/// input (then closing it), and waits up to `timeoutMs` before killing it.
CliRun runCli(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 120000);

} // namespace iris::test
