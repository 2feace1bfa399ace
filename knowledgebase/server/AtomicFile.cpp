#include "AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace iris::kbd {

namespace {

std::runtime_error ioError(const std::string& what, const std::string& path)
{
    return std::runtime_error(what + " « " + path + " » : " + std::strerror(errno));
}

} // namespace

void AtomicFile::write(const std::string& path, std::string_view bytes)
{
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw ioError("impossible de créer", tmp);
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const auto error = ioError("écriture impossible de", tmp);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw error;
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const auto error = ioError("synchronisation impossible de", tmp);
        ::unlink(tmp.c_str());
        throw error;
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const auto error = ioError("renommage impossible vers", path);
        ::unlink(tmp.c_str());
        throw error;
    }
    syncDirectory(std::filesystem::path(path).parent_path().string());
}

std::string AtomicFile::read(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw ioError("lecture impossible de", path);
    std::string out;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const auto error = ioError("lecture impossible de", path);
            ::close(fd);
            throw error;
        }
        if (n == 0)
            break;
        out.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return out;
}

void AtomicFile::syncDirectory(const std::string& directory)
{
    const int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace iris::kbd
