// The CLI hands each used file report back to the thread that made it, so
// that its memory is freed where it was allocated.
#include <catch2/catch.hpp>

#include <memory>
#include <thread>
#include <vector>

#include "engine/return_to_maker.hpp"

using policylint::engine::ReturnToMaker;

namespace {

/// Records, when destroyed, the thread that destroyed it.
class Tracked {
 public:
  explicit Tracked(std::vector<std::thread::id>* log) : log_(log) {}
  Tracked(Tracked&& other) noexcept : log_(other.log_) { other.log_ = nullptr; }
  Tracked& operator=(Tracked&&) = delete;
  Tracked(const Tracked&) = delete;
  Tracked& operator=(const Tracked&) = delete;
  ~Tracked() {
    if (log_ != nullptr) {
      log_->push_back(std::this_thread::get_id());
    }
  }

 private:
  std::vector<std::thread::id>* log_;
};

}  // namespace

TEST_CASE("a value handed back is destroyed at its maker's next collect, not before", "[cli][threads]") {
  std::vector<std::thread::id> destroyed;
  ReturnToMaker<Tracked> bins(2);
  bins.give_back(1, Tracked(&destroyed));
  bins.give_back(1, Tracked(&destroyed));
  bins.give_back(0, Tracked(&destroyed));
  CHECK(destroyed.empty());
  bins.collect(0);
  CHECK(destroyed.size() == 1);
  bins.collect(0);
  CHECK(destroyed.size() == 1);
  bins.collect(1);
  CHECK(destroyed.size() == 3);
}

TEST_CASE("values handed back from another thread are destroyed on the maker's thread", "[cli][threads]") {
  std::vector<std::thread::id> destroyed;
  ReturnToMaker<Tracked> bins(2);
  std::thread::id maker_id;
  std::thread maker([&] {
    maker_id = std::this_thread::get_id();
    std::thread giver([&] {
      for (int i = 0; i < 3; ++i) {
        bins.give_back(1, Tracked(&destroyed));
      }
    });
    giver.join();
    bins.collect(1);
  });
  maker.join();
  REQUIRE(destroyed.size() == 3);
  for (const std::thread::id id : destroyed) {
    CHECK(id == maker_id);
  }
}

TEST_CASE("values never collected are destroyed with the bins", "[cli][threads]") {
  std::vector<std::thread::id> destroyed;
  {
    ReturnToMaker<Tracked> bins(3);
    bins.give_back(2, Tracked(&destroyed));
    bins.give_back(1, Tracked(&destroyed));
    bins.collect(0);
    CHECK(destroyed.empty());
  }
  CHECK(destroyed.size() == 2);
}
