// Addresses and posts to organizations (see orgs.h).
#include "orgs.h"

#include "refs.h"
#include "tables.h"
#include "text_util.h"

namespace dossier::cable {
namespace {

// Telegraphic prefixes of posts and the words their names start with.
struct Prefix {
  std::string_view word;
  std::string_view name;  // "" when it depends on the post (AMCONSUL: general or not)
};
constexpr Prefix kPrefixes[] = {{"AMEMBASSY", "US Embassy"},           {"AMCONSUL", ""},
                                {"USMISSION", "US Mission"},           {"USINT", "US Interests Section"},
                                {"USOFFICE", "US Office"},             {"USLO", "US Liaison Office"},
                                {"REO", "US Regional Embassy Office"}, {"AIT", "American Institute in Taiwan"}};

OrgRef FromPost(const Post& p) {
  OrgRef o;
  o.city = std::string(p.city);
  o.iso = std::string(p.iso);
  o.kind = p.key == "STATE" ? "government" : "diplomatic_post";
  switch (p.kind) {
    case 'E': o.name = "US Embassy " + o.city; break;
    case 'G': o.name = "US Consulate General " + o.city; break;
    case 'C': o.name = "US Consulate " + o.city; break;
    default: o.name = std::string(p.name); break;
  }
  if (o.name.rfind("US ", 0) == 0 && !o.city.empty()) o.short_name = o.name.substr(3);
  return o;
}

}  // namespace

OrgRef OrganizationForPost(std::string_view post) {
  const std::string key = PostKey(post);
  if (const Post* p = PostByKey(key)) return FromPost(*p);
  OrgRef o;
  if (key.empty()) return o;
  o.city = TitleCase(CollapseSpaces(post));
  o.name = "US Diplomatic Post " + o.city;
  o.kind = "diplomatic_post";
  return o;
}

OrgRef OrganizationForAddress(std::string_view address) {
  const std::string a = CollapseSpaces(ToUpper(address));
  OrgRef o;
  if (a.empty()) return o;
  if (const Agency* ag = AgencyByAddress(a)) {
    o.name = std::string(ag->name);
    o.kind = std::string(ag->kind);
    o.city = std::string(ag->city);
    o.iso = std::string(ag->iso);
    return o;
  }
  for (const Prefix& pre : kPrefixes) {
    if (a.size() <= pre.word.size() + 1 || a.compare(0, pre.word.size(), pre.word) != 0 || a[pre.word.size()] != ' ') continue;
    const std::string_view rest = std::string_view(a).substr(pre.word.size() + 1);
    const Post* p = PostByKey(PostKey(rest));
    // A post with a name of its own (the Holy See, Havana's interests section) keeps it.
    if (p && (p->kind == 'M' || p->kind == 'O') && !p->name.empty() && pre.word != "USOFFICE" && pre.word != "USLO") {
      return FromPost(*p);
    }
    o.city = p ? std::string(p->city) : TitleCase(rest);
    o.iso = p ? std::string(p->iso) : "";
    o.kind = "diplomatic_post";
    if (pre.word == "AIT") {
      o.name = std::string(pre.name);
    } else if (pre.word == "AMCONSUL") {
      o.name = (p && p->kind == 'G' ? "US Consulate General " : "US Consulate ") + o.city;
    } else {
      o.name = std::string(pre.name) + " " + o.city;
    }
    if (o.name.rfind("US ", 0) == 0) o.short_name = o.name.substr(3);
    return o;
  }
  if (a.size() > 11 && a.compare(a.size() - 11, 11, " COLLECTIVE") == 0) {
    o.name = TitleCase(a, Acronyms());
    o.kind = "other";
    o.description = "telegram collective address";
    return o;
  }
  if (const Post* p = PostByKey(PostKey(a))) return FromPost(*p);
  o.name = a;
  return o;
}

}  // namespace dossier::cable
