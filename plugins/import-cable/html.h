// Cablegate website extracts carry the cable inside <code><pre>, with
// leftover tag links (<a href='/tag/ETRD_0.html'>ETRD</a>) and paragraph
// anchors (<a id='par1' href='#par1'>¶</a>1.). The store keeps the cable as
// a reader sees it, so the markup goes and entities are decoded.
#pragma once

#include <string>
#include <string_view>

namespace dossier::cable {

// Whether text carries HTML markup worth removing: a <pre>, <a ...> or <br>
// tag, or a character entity such as &amp;.
bool LooksLikeHtml(std::string_view text);

// text without tags ("<br>" and "</p>" become line ends) and with character
// entities decoded (&amp; &lt; &gt; &quot; &apos; &nbsp; &#NN; &#xNN;). A '<'
// that does not start a tag ("x < 5") is kept. *removed counts tags removed.
std::string StripHtml(std::string_view text, size_t* removed = nullptr);

}  // namespace dossier::cable
