#include "policylint/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace policylint {
namespace {

/// Closes the file it holds, if any.
struct FileDescriptor {
  explicit FileDescriptor(int descriptor) noexcept : fd(descriptor) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  int fd;
};

std::string not_regular(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISFIFO(mode)) return "not a regular file (a FIFO)";
  if (S_ISCHR(mode)) return "not a regular file (a character device)";
  if (S_ISBLK(mode)) return "not a regular file (a block device)";
  if (S_ISSOCK(mode)) return "not a regular file (a socket)";
  return "not a regular file";
}

/// Reads from `fd` until the end or until more than `limit` bytes are in.
/// With read rather than a stdio stream: a file is read in one read of its
/// size, without a stream buffer to fill and copy from.
void read_bounded(int fd, std::size_t limit, std::size_t expected, InputRead& read) {
  std::string& bytes = read.bytes;
  // One byte more than expected, to see the end in the first read.
  bytes.resize(std::min(expected, limit) + 1);
  std::size_t size = 0;
  while (true) {
    if (size == bytes.size()) {
      if (size > limit) {
        read.over_limit = true;
        break;
      }
      // The file grew since fstat, or has no size (a pipe).
      bytes.resize(std::min(std::max<std::size_t>(bytes.size() * 2, 4096), limit + 1));
    }
    const ::ssize_t got = ::read(fd, bytes.data() + size, bytes.size() - size);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      read.error = error_reason(errno);
      bytes.clear();
      return;
    }
    if (got == 0) {
      break;
    }
    size += static_cast<std::size_t>(got);
  }
  bytes.resize(size);
}

}  // namespace

std::string error_reason(int error) {
  std::string text = std::strerror(error);
  // "Permission denied" reads as a sentence's end; "I/O error" keeps its capitals.
  if (text.size() > 1 && std::islower(static_cast<unsigned char>(text[1])) != 0) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

InputRead read_input_file(const std::string& path, std::size_t limit) {
  limit = std::min(limit, std::size_t{1} << 62);  // room for the byte past it
  InputRead read;
  if (path.empty()) {
    read_bounded(STDIN_FILENO, limit, 4096, read);
    return read;
  }
  // Without blocking, so that opening a FIFO does not wait for a writer;
  // without becoming the controlling terminal, should it be one.
  const FileDescriptor input(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  struct stat status {};
  if (input.fd < 0) {
    const int error = errno;
    // A socket cannot be opened at all (ENXIO): name it for what it is.
    read.error =
        error == ENXIO && ::stat(path.c_str(), &status) == 0 ? not_regular(status.st_mode) : error_reason(error);
    return read;
  }
  if (::fstat(input.fd, &status) != 0) {
    read.error = error_reason(errno);
    return read;
  }
  if (!S_ISREG(status.st_mode)) {
    read.error = not_regular(status.st_mode);
    return read;
  }
  const int flags = ::fcntl(input.fd, F_GETFL);
  if (flags < 0 || ::fcntl(input.fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
    read.error = error_reason(errno);
    return read;
  }
  read.size = static_cast<std::size_t>(status.st_size);
  read_bounded(input.fd, limit, static_cast<std::size_t>(status.st_size), read);
  return read;
}

}  // namespace policylint
