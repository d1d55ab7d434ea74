#include "rules/identities.h"

#include <algorithm>

#include "base/spell.h"
#include "rules/expr.h"

namespace plancheck {

void Identities::Load(std::string_view text, const std::string& path, ConfigErrors* errors) {
  std::optional<toml::table> doc = ParseToml(text, path, errors);
  if (!doc) return;
  TableReader top(*doc, path, errors, "identities file");
  const toml::table* table = top.Table("identity");
  top.Finish();
  if (table == nullptr) {
    errors->Add(path, 1, "identities file has no [identity] table");
    return;
  }
  TableReader r(*table, path, errors, "[identity]");
  for (const auto& [key, node] : *table) {
    const std::string name(key.str());
    const int line = r.LineOfKey(name);
    std::vector<std::string> fields = r.Strings(name);
    if (fields.empty()) {
      r.Error(line, "identity '" + name + "' lists no fields");
      continue;
    }
    if (FindField(name) >= 0) {
      r.Error(line, "identity '" + name + "' has the name of a field");
      continue;
    }
    auto old = entries_.find(name);
    if (old != entries_.end() && !old->second.builtin) {
      r.Error(line, "duplicate identity '" + name + "' (first at " + old->second.where + ")");
      continue;
    }
    Entry entry;
    entry.where = path + ":" + std::to_string(line);
    bool ok = true;
    for (const std::string& field : fields) {
      const int index = FindField(field);
      if (index < 0) {
        r.Error(line, "identity '" + name + "': unknown field '" + field + "'" +
                          DidYouMean(field, FactFields()));
        ok = false;
      }
      entry.fields.push_back(index);
    }
    if (ok) entries_[name] = std::move(entry);
  }
  r.Finish();
}

void Identities::MarkBuiltin() {
  for (auto& [name, entry] : entries_) entry.builtin = true;
}

const std::vector<int>* Identities::Find(std::string_view name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second.fields;
}

Result<std::vector<int>> Identities::Resolve(const std::vector<std::string>& entries) const {
  std::vector<int> out;
  auto add = [&out](int field) {
    if (std::find(out.begin(), out.end(), field) == out.end()) out.push_back(field);
  };
  for (const std::string& entry : entries) {
    if (const std::vector<int>* fields = Find(entry)) {
      for (int f : *fields) add(f);
      continue;
    }
    const int field = FindField(entry);
    if (field >= 0) {
      add(field);
      continue;
    }
    std::vector<std::string> names = FactFields();
    for (const auto& [name, e] : entries_) names.push_back(name);
    return Status::Error("'" + entry + "' is neither an identity nor a field" +
                         DidYouMean(entry, names));
  }
  return out;
}

}  // namespace plancheck
