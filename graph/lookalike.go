package graph

import (
	"fmt"
	"strings"
	"unicode"
)

// Look-alike letters. A key typed on a Cyrillic or Greek keyboard layout,
// or pasted from a document, can hold a letter that looks exactly like a
// Latin one: "tуpe" with the Cyrillic у (U+0443) reads as "type" but is
// another word, and "unknown field" alone leaves the user staring at a
// correct-looking key. The Suggester names such a letter.

// latinLookalikes maps Cyrillic and Greek letters (and a few others) to
// the Latin letter they look like, after Unicode's confusables
// (https://www.unicode.org/Public/security/latest/confusables.txt),
// restricted to the letters that look the same in common fonts.
var latinLookalikes = map[rune]rune{
	// Cyrillic.
	'а': 'a', 'в': 'B', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j',
	'ԁ': 'd', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'к': 'k', 'ү': 'y',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X',
	'У': 'Y', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ү': 'Y',
	// Greek.
	'α': 'a', 'ο': 'o', 'ρ': 'p', 'ν': 'v', 'υ': 'u', 'ι': 'i', 'κ': 'k', 'χ': 'x', 'γ': 'y', 'ε': 'e', 'τ': 't',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P',
	'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
	// Others: Latin letters that pass for plain ones, Armenian.
	'ı': 'i', 'ȷ': 'j', 'ℓ': 'l', 'ɡ': 'g', 'ո': 'n',
}

// latinSkeleton returns s with each look-alike letter replaced by the
// Latin letter it looks like (fullwidth forms by their ASCII ones), and
// the first letter replaced; ok is false when there is none.
func latinSkeleton(s string) (skeleton string, first rune, ok bool) {
	var b strings.Builder
	for _, r := range s {
		l, found := latinLookalikes[r]
		if !found && r >= '\uFF01' && r <= '\uFF5E' {
			l, found = r-'\uFF01'+'!', true // fullwidth ASCII
		}
		if found {
			if !ok {
				first, ok = r, true
			}
			r = l
		}
		b.WriteRune(r)
	}
	return b.String(), first, ok
}

// describeLetter names a look-alike letter: `the Cyrillic letter у
// (U+0443)`.
func describeLetter(r rune) string {
	script := ""
	switch {
	case unicode.Is(unicode.Cyrillic, r):
		script = "Cyrillic "
	case unicode.Is(unicode.Greek, r):
		script = "Greek "
	case r >= '\uFF01' && r <= '\uFF5E':
		script = "fullwidth "
	}
	return fmt.Sprintf("the %sletter %c (U+%04X)", script, r, r)
}
