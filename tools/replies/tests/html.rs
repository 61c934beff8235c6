//! WordPress's comment HTML as the text a reader saw.

use replies::html_to_text as text;

#[test]
fn tags_go_and_their_words_stay() {
    assert_eq!(
        text("<strong>Bold</strong>, <em>em</em>, <b>b</b> <i>i</i> <code>x < y</code> <del>old</del> <abbr title=\"t\">WP</abbr>"),
        "Bold, em, b i x < y old WP"
    );
    assert_eq!(text("a <q cite=\"x\">quote</q> b"), "a quote b");
    assert_eq!(text("<unknown-tag>kept</unknown-tag>"), "kept");
}

#[test]
fn entities_are_decoded_once() {
    assert_eq!(
        text("Tom &amp; Jerry &lt;3 &#8217;s &#x2019; &hellip; &eacute;t&eacute; &quot;q&quot; &nbsp;x"),
        "Tom & Jerry <3 ’s ’ … été \"q\" \u{a0}x"
    );
    assert_eq!(text("&amp;lt;script&amp;gt;"), "&lt;script&gt;");
    assert_eq!(
        text("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "<script>alert(1)</script>"
    );
    assert_eq!(text("AT&T & co"), "AT&T & co");
}

#[test]
fn line_breaks_and_paragraphs_are_kept() {
    assert_eq!(text("one\ntwo\n\nthree"), "one\ntwo\n\nthree");
    assert_eq!(
        text("one<br>two<br />three<BR/>four"),
        "one\ntwo\nthree\nfour"
    );
    assert_eq!(text("<p>First</p>\n<p>Second</p>"), "First\n\nSecond");
    assert_eq!(text("<p>First<br></p><p>Second</p>\n\n"), "First\n\nSecond");
    assert_eq!(
        text("said:<blockquote>quoted</blockquote>and"),
        "said:\n\nquoted\n\nand"
    );
    assert_eq!(text("\r\nwindows\r\nlines\r\n"), "windows\nlines");
}

#[test]
fn a_link_keeps_its_address_when_its_words_differ() {
    assert_eq!(
        text("<a href=\"https://example.net/review\" rel=\"nofollow ugc\">My review</a>"),
        "My review (https://example.net/review)"
    );
    assert_eq!(
        text("see <a href=\"https://example.net/\">https://example.net/</a> now"),
        "see https://example.net/ now"
    );
    assert_eq!(
        text("<a href='http://www.example.org/a/'>example.org/a</a>"),
        "example.org/a"
    );
    // Backslash-escaped quotes, as some exports hold them.
    assert_eq!(
        text("<a href=\\\"https://example.net/r\\\" rel=\\\"nofollow ugc\\\">r</a>"),
        "r (https://example.net/r)"
    );
    assert_eq!(
        text("<a href=\"https://example.org/?a=1&amp;b=2\">q</a>"),
        "q (https://example.org/?a=1&b=2)"
    );
    assert_eq!(
        text("<a href=\"https://x.example\"></a>"),
        "https://x.example"
    );
    // Only web addresses: other schemes (which WordPress strips anyway) are dropped.
    assert_eq!(text("<a href=\"javascript:alert(1)\">click</a>"), "click");
    assert_eq!(text("<a name=\"x\">anchor</a>"), "anchor");
}

#[test]
fn scripts_styles_and_comments_are_not_text() {
    assert_eq!(text("a<script>alert(1)</script>b"), "ab");
    assert_eq!(text("a<STYLE>p{}</STYLE>b"), "ab");
    assert_eq!(text("a<!-- hidden -->b"), "ab");
    assert_eq!(text("a<!-- never closed"), "a");
}

#[test]
fn a_lone_angle_bracket_is_text() {
    assert_eq!(text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
    assert_eq!(text("<3 you"), "<3 you");
    assert_eq!(text("a <b unclosed"), "a <b unclosed");
}
