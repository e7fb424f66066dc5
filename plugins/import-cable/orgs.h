// The organization a telegraphic address or a post names, from the tables:
//
//   AMCONSUL GUANGZHOU       -> US Consulate General Guangzhou, in Guangzhou (CN)
//   AMEMBASSY NEW DELHI      -> US Embassy New Delhi, in New Delhi (IN)
//   SECSTATE WASHDC          -> US Department of State, in Washington (US)
//   USMISSION UNVIE VIENNA   -> US Mission to the UN Agencies in Vienna
//   CHINA POSTS COLLECTIVE   -> China Posts Collective (a distribution address)
//   GUANGZHOU (a classification line's post, no prefix) -> as the table says
#pragma once

#include <string>
#include <string_view>

namespace dossier::cable {

struct OrgRef {
  std::string name;         // empty when the address names nothing usable
  std::string kind;         // organization.schema.json kind, or empty
  std::string city;         // the place it is in, or empty
  std::string iso;          // that place's country, or empty
  std::string description;  // for collective addresses
  // How Cablegate and the cables' own text name a post without "US":
  // "Embassy New Delhi", "Consulate General Guangzhou"; empty for others.
  std::string short_name;
};

OrgRef OrganizationForAddress(std::string_view address);
OrgRef OrganizationForPost(std::string_view post);

}  // namespace dossier::cable
