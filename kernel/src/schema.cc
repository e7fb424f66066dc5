// Schema validation with valijson. Schemas are parsed once, on first use, and
// shared by every thread (valijson's Validator is used read-only).
#include "dossier/schema.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "dossier/text.h"
#include "schemas_embedded.h"

namespace dossier {
namespace {

const Json* ParsedSchemaDocument(const std::string& name);

// valijson asks for referenced documents ("person.schema.json") through plain
// function pointers; they are served from the compiled-in set.
const Json* FetchDocument(const std::string& uri) {
  std::string name = uri;
  if (const auto slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
  return ParsedSchemaDocument(name);
}
void FreeDocument(const Json*) {}  // documents live as long as the program

const Json* ParsedSchemaDocument(const std::string& name) {
  static const std::map<std::string, Json> documents = [] {
    std::map<std::string, Json> out;
    for (size_t i = 0; i < kEmbeddedSchemasCount; ++i) {
      out.emplace(kEmbeddedSchemas[i].name, Json::parse(kEmbeddedSchemas[i].text));
    }
    return out;
  }();
  auto it = documents.find(name);
  return it == documents.end() ? nullptr : &it->second;
}

class Schemas {
 public:
  static const Schemas& Get() {
    static const Schemas instance;
    return instance;
  }

  const valijson::Schema* Find(const std::string& name) const {
    auto it = compiled_.find(name);
    return it == compiled_.end() ? nullptr : it->second.get();
  }

 private:
  Schemas() {
    for (size_t i = 0; i < kEmbeddedSchemasCount; ++i) {
      const std::string name = kEmbeddedSchemas[i].name;
      auto schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      valijson::adapters::NlohmannJsonAdapter adapter(*ParsedSchemaDocument(name));
      parser.populateSchema(adapter, *schema, FetchDocument, FreeDocument);
      compiled_.emplace(name, std::move(schema));
    }
  }
  std::map<std::string, std::unique_ptr<valijson::Schema>> compiled_;
};

// "<root>", "[titles]", "[0]", "[title]"  ->  "titles[0].title"
std::string FieldPath(const std::vector<std::string>& context) {
  std::string path;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string p = part;
    if (p.size() >= 2 && p.front() == '[' && p.back() == ']') p = p.substr(1, p.size() - 2);
    if (!p.empty() && p.front() == '"' && p.back() == '"') p = p.substr(1, p.size() - 2);
    const bool index = !p.empty() && p.find_first_not_of("0123456789") == std::string::npos;
    if (index) {
      path += "[" + p + "]";
    } else {
      if (!path.empty()) path += ".";
      path += p;
    }
  }
  return path;
}

// How many levels of arrays and objects value nests, walked with a stack of
// its own.
size_t Depth(const Json& value) {
  size_t deepest = 0;
  std::vector<std::pair<const Json*, size_t>> pending = {{&value, 0}};
  while (!pending.empty()) {
    const auto [v, depth] = pending.back();
    pending.pop_back();
    if (!v->is_structured()) continue;
    deepest = std::max(deepest, depth + 1);
    for (const Json& child : *v) pending.push_back({&child, depth + 1});
  }
  return deepest;
}

// The error valijson reports deepest is the most specific one ("titles[0].title
// must be a string" rather than "titles failed").
Status Check(const std::string& schema_name, const Json& value, const std::string& what) {
  const valijson::Schema* schema = Schemas::Get().Find(schema_name);
  if (!schema) return Status::Internal("schema " + schema_name + " is not compiled in");
  // valijson recurses a few frames per level of the value. Input is checked
  // on its text before it is parsed (CheckJsonDepth); this holds for values
  // that reach the store by any other way (a plugin's own, the CLI's).
  if (const size_t depth = Depth(value); depth > kMaxJsonDepth) {
    return Status::InvalidArgument("invalid " + what + ": JSON nested " + std::to_string(depth) +
                                   " levels deep, over the limit of " + std::to_string(kMaxJsonDepth));
  }
  // A Validator caches the std::regex of every "pattern" it meets; compiling
  // them afresh on each write cost more than the rest of the validation.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(value);
  if (validator.validate(*schema, adapter, &results)) return Status::OK();
  valijson::ValidationResults::Error best;
  bool have = false;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    if (!have || error.context.size() > best.context.size()) {
      best = error;
      have = true;
    }
  }
  std::string field = FieldPath(best.context);
  std::string reason = best.description;
  while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) reason.pop_back();
  if (field.empty()) return Status::InvalidArgument("invalid " + what + ": " + reason);
  return Status::InvalidArgument("invalid " + what + " field \"" + field + "\": " + reason);
}

}  // namespace

Status ValidateProperties(EntityType type, const Json& properties) {
  if (type == EntityType::kClaim) return ValidateClaimRecord(properties);
  if (!properties.is_object()) {
    return Status::InvalidArgument("invalid " + std::string(TypeName(type)) +
                                   " properties: must be a JSON object");
  }
  return Check(std::string(TypeName(type)) + ".schema.json", properties,
               std::string(TypeName(type)) + " property");
}

Status ValidateClaimRecord(const Json& claim) { return Check("claim.schema.json", claim, "claim"); }

Status ValidateRecord(const Json& record) { return Check("record.schema.json", record, "record"); }

std::string_view SchemaText(std::string_view file_name) { return DataFile(file_name); }

}  // namespace dossier
