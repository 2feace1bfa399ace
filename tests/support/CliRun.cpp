#include "tests/support/CliRun.h"

#include "tests/support/TestPaths.h"

#include <QProcess>

namespace iris::test {

CliRun runCli(const QStringList& args, const QByteArray& input, int timeoutMs)
{
    QProcess p;
    p.start(binaryDir() + QStringLiteral("/bin/iris-cli"), args);
    if (!p.waitForStarted(10000))
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return {};
    }
    CliRun run;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.rawOut = p.readAllStandardOutput();
    run.out = QString::fromUtf8(run.rawOut);
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace iris::test
