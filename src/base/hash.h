// A stable 64-bit FNV-1a hash as 16 hex digits: the same on every run,
// platform and version, for fingerprints and content identities.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace plancheck {

inline std::string Fnv1aHex(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace plancheck
