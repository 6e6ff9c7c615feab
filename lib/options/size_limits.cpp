// The size quota of each policy type.
#include "policylint/options.hpp"

namespace policylint {

std::size_t SizeLimits::for_type(PolicyType type) const noexcept {
  switch (type) {
    case PolicyType::identity: return identity;
    case PolicyType::resource: return resource;
    case PolicyType::trust: return trust;
    case PolicyType::scp: return scp;
    case PolicyType::rcp: return rcp;
    case PolicyType::boundary: return boundary;
    case PolicyType::session: return session;
    case PolicyType::endpoint: return endpoint;
  }
  return identity;
}

bool size_counts_whitespace(PolicyType type) noexcept {
  return type == PolicyType::scp || type == PolicyType::rcp || type == PolicyType::endpoint;
}

}  // namespace policylint
