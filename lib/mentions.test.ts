import { describe, expect, it } from "vitest";
import { foldForMatch, insertMention, matchPeople, mentionQueryAt, mentionToken, mentionedUserIds, mentionsAsPlainText, parseMentions, splitMentions } from "./mentions";

describe("mention tokens", () => {
  it("parses Arabic names inside right-to-left text, with offsets into the text", () => {
    const text = "راجعي المصدر يا @[ليلى حداد](u_layla) ثم أخبري @[أحمد الخطيب](cuid123abc).";
    const found = parseMentions(text);
    expect(found.map((m) => [m.name, m.userId])).toEqual([["ليلى حداد", "u_layla"], ["أحمد الخطيب", "cuid123abc"]]);
    expect(text.slice(found[0].start, found[0].end)).toBe("@[ليلى حداد](u_layla)");
    expect(text.slice(found[1].end)).toBe(".");
  });

  it("survives bidi controls, diacritics and Arabic punctuation around the token", () => {
    const text = "\u202Bشكرًا، @[مُحَمَّد](u1)؟\u202C";
    expect(mentionedUserIds(text)).toEqual(["u1"]);
    expect(splitMentions(text)).toEqual([
      { kind: "text", text: "\u202Bشكرًا، " },
      { kind: "mention", name: "مُحَمَّد", userId: "u1" },
      { kind: "text", text: "؟\u202C" },
    ]);
  });

  it("names each person once however often they are mentioned", () => {
    expect(mentionedUserIds("@[A](a) and @[A again](a) and @[B](b)")).toEqual(["a", "b"]);
  });

  it("ignores look-alikes: plain @names, broken tokens, ids with illegal characters", () => {
    expect(parseMentions("@ليلى and @[Layla](u 1) and @[Layla] (u1) and @[La\nyla](u1) and @[x](<script>)")).toEqual([]);
  });

  it("a name with brackets or line breaks cannot end the token early", () => {
    const token = mentionToken("Evil](admin) [x\nname", "u9");
    expect(parseMentions(token)).toEqual([{ start: 0, end: token.length, name: "Evil (admin) x name", userId: "u9" }]);
    expect(() => mentionToken("x", "bad id")).toThrow();
  });

  it("renders as plain text with current names", () => {
    expect(mentionsAsPlainText("سألت @[ليلى](u1) و@[Old](u2)", (id) => (id === "u2" ? "New" : undefined))).toBe("سألت @ليلى و@New");
  });
});

describe("typing a mention", () => {
  it("finds the query after @ at the start, after a space or after Arabic punctuation", () => {
    expect(mentionQueryAt("@لي", 3)).toEqual({ start: 0, query: "لي" });
    expect(mentionQueryAt("شكرا، @أحمد ال", 14)).toEqual({ start: 6, query: "أحمد ال" });
    expect(mentionQueryAt("see (@lay", 9)).toEqual({ start: 5, query: "lay" });
  });

  it("does not open inside an e-mail address, after a line break or a finished token", () => {
    expect(mentionQueryAt("mail layla@example.org", 22)).toBeNull();
    expect(mentionQueryAt("@lay\nla", 7)).toBeNull();
    expect(mentionQueryAt("@[Layla](u1) ok", 15)).toBeNull();
    expect(mentionQueryAt("@ space", 7)).toBeNull();
  });

  it("matches Arabic names with hamza, diacritics and ta marbuta folded, any word's start", () => {
    const people = [{ id: "1", name: "أحمد الخطيب" }, { id: "2", name: "فاطمة الزهراء" }, { id: "3", name: "Ahmed Saleh" }, { id: "4", name: "Émile Zola" }];
    expect(matchPeople(people, "احمد").map((p) => p.id)).toEqual(["1"]);
    expect(matchPeople(people, "الخط").map((p) => p.id)).toEqual(["1"]);
    expect(matchPeople(people, "فاطمه").map((p) => p.id)).toEqual(["2"]);
    expect(matchPeople(people, "ahm").map((p) => p.id)).toEqual(["3"]);
    expect(matchPeople(people, "emile").map((p) => p.id)).toEqual(["4"]);
    expect(matchPeople(people, "").length).toBe(4);
    expect(foldForMatch("أَحْمَـــد")).toBe("احمد");
  });

  it("inserts the token in place of the query and puts the caret after it", () => {
    const r = insertMention("قالت @لي عن", 5, 8, { id: "u1", name: "ليلى" });
    expect(r.text).toBe("قالت @[ليلى](u1)  عن");
    expect(r.caret).toBe("قالت @[ليلى](u1) ".length);
    expect(mentionedUserIds(r.text)).toEqual(["u1"]);
  });
});
