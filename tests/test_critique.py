"""The offline coach, as a values interviewer would hear each answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyladder.coach import lexicon
from storyladder.coach.critique import critique
from storyladder.coach.question import classify
from storyladder.errors import InputError
from tests.test_cli_story import sl

STRONG_FAILURE = (
    "Last spring I led the billing migration at a logistics company, with four engineers and a "
    "hard date in March. I decided to cut over without a full parallel run, because the replay "
    "kept failing and I thought the risk was small; Priya had argued for slipping a week. That was "
    "the wrong call: about 1,400 customers were charged twice for three hours. Priya caught it "
    "from the reconciliation report and rolled it back. It cost us two weeks of refunds and a lot "
    "of trust with support, and I felt sick about it. Now I never cut over without a full replay, "
    "and I write the rollback trigger into the plan before the date is set."
)


def ids(answer: str, question: str | None = None, company: str = "generic") -> set[str]:
    return set(critique(answer, question, company).flag_ids)


def test_a_strong_failure_story_raises_no_flags() -> None:
    assert ids(STRONG_FAILURE, "Tell me about a time you failed.", "anthropic") == set()


def test_we_instead_of_i_is_flagged_with_the_words_as_evidence() -> None:
    answer = (
        "In 2022 our team owned checkout at a retailer. We noticed conversion dropping 4%. We dug "
        "into the logs, we found a slow script, and we rewrote it. The team shipped the fix in two "
        "days and we learned to watch the dashboards. Now I check them every morning."
    )
    result = critique(answer, "Tell me about a time you fixed a hard problem.")
    flag = next(f for f in result.flags if f.id == "we_not_i")
    assert all(answer[e.start : e.end] == e.text for e in flag.evidence)
    assert {e.text.lower() for e in flag.evidence} <= {"we", "the team", "our team"}


def test_a_failure_that_all_worked_out_is_a_neat_resolution() -> None:
    answer = (
        "In 2021 I pushed a schema change on a Friday and it broke the nightly exports for 30 "
        "clients. I rolled it back the next morning, because the fix was risky. Luckily in the end "
        "it all worked out and the clients were happier than before. I learned to test more."
    )
    assert "neat_resolution" in ids(answer, "Tell me about a time you failed.")


def test_a_partial_recovery_that_names_what_stayed_lost_is_not_neat() -> None:
    answer = STRONG_FAILURE.replace(
        "It cost us", "We recovered most accounts, but two clients never came back. It cost us"
    )
    assert "neat_resolution" not in ids(answer, "Tell me about a time you failed.")


def test_a_strength_in_disguise_is_a_humble_brag() -> None:
    answer = (
        "Honestly my biggest weakness is that I care too much about quality. I'm a perfectionist, "
        "so I stay late to polish things nobody else would notice, and people know my work is solid."
    )
    assert "humble_brag" in ids(answer, "What are you still not good at?")


def test_what_you_would_do_is_not_what_you_did() -> None:
    answer = (
        "In that kind of situation I'd first gather data from the stakeholders. I would try to align "
        "everyone, and typically I'd set up checkpoints so the team can adjust."
    )
    assert "hypothetical" in ids(answer, "Tell me about a time you had incomplete information.")


def test_blame_without_any_share_owned() -> None:
    answer = (
        "At a fintech in 2023 the vendor changed their API two weeks before launch and never told "
        "us. Product kept changing their minds too. We shipped 3 weeks late. Honestly it wasn't my "
        "fault; there wasn't much more I could have done."
    )
    assert "blame" in ids(answer, "Tell me about a project that went wrong.")
    owned = answer.replace(
        "Honestly it wasn't my fault; there wasn't much more I could have done.",
        "My share: I should have asked for their changelog weekly.",
    )
    assert "blame" not in ids(owned, "Tell me about a project that went wrong.")
    # a condition ("if the clinics don't get it") charges nobody
    condition = (
        "I ran nights at a medical supplies depot and the dock lead wanted hospital orders "
        "loaded first, while I wanted the clinic orders first, because if the clinics don't "
        "get it by eight the patients wait. We agreed a split, and late clinic orders fell "
        "from 14 to 2 in a month."
    )
    assert "blame" not in ids(condition, "Tell me about a conflict with a coworker.")


def test_generic_mission_talk_versus_a_position_with_a_past_action() -> None:
    generic = (
        "I really love the mission. AI safety is the most important problem of our time and I'm "
        "passionate about making technology benefit humanity."
    )
    specific = (
        "The part I keep coming back to is the Responsible Scaling Policy's six-month evaluation "
        "cadence; I'm not sure it holds under competitive pressure. In 2023 I built an eval harness "
        "that caught a summarizer flipping negations in 3% of outputs, so I've seen how a gate gets "
        "skipped when a date is close."
    )
    assert "generic_mission" in ids(generic, "Why Anthropic?", "anthropic")
    assert "generic_mission" not in ids(specific, "Why Anthropic?", "anthropic")


def test_stock_star_labels_sound_scripted() -> None:
    answer = (
        "So, the situation was that our API was slow. My task was to fix it. The action I took was "
        "to add a cache. The result was that latency fell 40%. As I mentioned, I learned a lot."
    )
    assert "scripted" in ids(answer)


def test_a_strong_answer_outranks_a_weak_one_in_every_company_mode() -> None:
    weak = (
        "We had a migration that went badly because leadership gave us an unrealistic deadline. "
        "The team worked hard and in the end it all worked out. I learned that communication is key."
    )
    for company in ("generic", "anthropic", "amazon", "google", "meta", "openai", "palantir"):
        q = "Tell me about a time you failed."
        assert (
            critique(STRONG_FAILURE, q, company).scores["overall"]
            > critique(weak, q, company).scores["overall"]
        )


def test_anthropic_punishes_a_neat_resolution_more_than_generic() -> None:
    answer = (
        "In 2022 I shipped a pricing change that overcharged 200 users for a day, because I skipped "
        "the staging check. I refunded everyone within 6 hours. Luckily it all worked out in the "
        "end and nobody churned. Now I never skip staging."
    )
    q = "Tell me about a time you failed."
    generic, anthropic = critique(answer, q, "generic"), critique(answer, q, "anthropic")
    assert "neat_resolution" in generic.flag_ids
    assert anthropic.scores["overall"] < generic.scores["overall"]


def test_follow_ups_quote_the_candidate() -> None:
    result = critique(STRONG_FAILURE, "Tell me about a time you failed.")
    levels = [f.level for f in result.follow_ups]
    assert levels == ["context", "decision", "tradeoff", "meta_reflection", "worldview"]
    questions = {f.level: f.question for f in result.follow_ups}
    assert "Priya" in questions["context"]
    assert "decided to cut over without a full parallel run" in questions["decision"]
    assert "sick" in questions["meta_reflection"]


def test_the_question_is_classified() -> None:
    q = critique(STRONG_FAILURE, "What would your harshest critic say about you?").to_dict()[
        "question"
    ]
    assert (q["family"], q["pattern"]) == ("self_awareness", "third_person")


def test_the_json_contract_of_spec_section_10() -> None:
    data = critique(STRONG_FAILURE, "Tell me about a time you failed.").to_dict()
    assert set(data) >= {
        "question",
        "words",
        "seconds",
        "sentences",
        "components",
        "checks",
        "flags",
        "scores",
        "follow_ups",
    }
    assert isinstance(data["words"], int) and isinstance(data["seconds"], float)
    for s in data["sentences"]:
        assert STRONG_FAILURE[s["start"] : s["end"]] == s["text"]
        assert s["component"] in {"situation", "task", "action", "result", "learning", "other"}
    assert {c["id"] for c in data["checks"]} >= {
        "situation_short",
        "i_subject",
        "numbers",
        "rationale",
        "lesson",
        "length",
    }
    assert set(data["components"]) >= {"situation", "task", "action", "result", "learning"}
    assert all(0 <= v <= 100 for v in data["scores"].values())
    assert {"overall", "structure", "specificity", "ownership", "reflection", "honesty"} <= set(
        data["scores"]
    )
    json.dumps(data)


def test_the_same_answer_gives_the_same_critique() -> None:
    assert critique(STRONG_FAILURE).to_dict() == critique(STRONG_FAILURE).to_dict()


@pytest.mark.parametrize("answer", ["", "   \n\t "])
def test_an_empty_answer_is_an_error(answer: str) -> None:
    with pytest.raises(InputError):
        critique(answer)


def test_an_unknown_company_is_an_error() -> None:
    with pytest.raises(InputError, match="allowed: generic"):
        critique(STRONG_FAILURE, company="acme")


def test_cli_json_and_text(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_text(STRONG_FAILURE)
    code, out, _ = sl(
        "critique",
        str(path),
        "--question",
        "Tell me about a failure.",
        "--company",
        "anthropic",
        "--format",
        "json",
    )
    assert code == 0
    assert json.loads(out)["question"]["family"] == "failure"
    code, out, _ = sl("critique", str(path))
    assert code == 0 and "[SIT]" in out and "Follow-ups" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"   \n", "empty"), (b"\xff\xfe bad", "not valid UTF-8"), (b"\x00\x01", "binary")],
)
def test_cli_bad_input_exits_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "answer.txt"
    path.write_bytes(content)
    code, _, err = sl("critique", str(path))
    assert code == 2 and message in err


def test_cli_reads_stdin() -> None:
    code, out, _ = sl("critique", "-", "--format", "json", input=STRONG_FAILURE)
    assert code == 0 and json.loads(out)["words"] > 50


# -- issue 11: the examples the coach used to mishear ----------------------------------


def test_the_seed_model_answer_is_not_vague() -> None:
    answer = (
        "We lost the client. That was on me. It took me three months to understand why my "
        "instinct was wrong."
    )
    assert "vague" not in critique(answer, "Tell me about a time you failed.").flag_ids


def test_we_for_a_proposal_of_mine_is_not_we_not_i() -> None:
    answer = (
        "I suggested we add a retry queue, and the team agreed. I built it in two weeks and "
        "timeouts fell from 40 a day to 3."
    )
    assert (
        "we_not_i" not in critique(answer, "Tell me about a time you improved something.").flag_ids
    )


@pytest.mark.parametrize(
    "answer",
    ["dont know", "?", "asdf", "Tell me about a time you failed?", "I like pizza and old films."],
)
def test_a_non_answer_scores_20_or_less_and_raises_only_non_answer(answer: str) -> None:
    c = critique(answer, "Tell me about a time you failed.")
    assert c.scores["overall"] <= 20 and c.flag_ids == ("non_answer",)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (  # life outside work, after an echo of the question
            "What would your manager say is your biggest weakness?",
            "My manager would probably say I talk too much about my weekends, honestly. Outside "
            "of work I swim most evenings, three evenings a week at the lido near my flat. Last "
            "weekend I finally did a full mile without stopping, which felt amazing. My sister "
            "and I are also learning to make dumplings from scratch, and they are getting less "
            "lumpy every time we try, which is the real achievement of the month.",
        ),
        (  # a CV recited for a story
            "Tell me about a time you failed.",
            "Let me start with my background. I graduated in 2014 with a degree in civil "
            "engineering and joined a road contractor as a site engineer. Later I moved to a "
            "rail consultancy and became certified in project controls. I am proficient in "
            "the usual scheduling tools and have led design packages of various sizes since.",
        ),
        (  # talk about the question
            "Tell me about a time you disagreed with your manager.",
            "So you would like to hear about a time I disagreed with my manager. That is a fair "
            "question, and an important question for any team, because disagreement is part of "
            "working life. I think the question is really about how one handles difference.",
        ),
        (  # a polite refusal
            "Tell me about a time you failed.",
            "I would prefer not to answer that one, if you don't mind. One story picked by me "
            "in an interview says very little about how anyone deals with failure, and I am "
            "glad to talk through the technical projects on my CV instead.",
        ),
        (  # a hedge that never commits
            "Tell me about a time you had to decide with incomplete information.",
            "So, a decision with incomplete information, meaning a time when I did not have "
            "everything I wanted. Strictly, it depends on what we mean by incomplete, since "
            "almost every decision is like that. It would depend on the stakes and on whether "
            "the choice can be undone, so there is no single honest answer to give.",
        ),
        (  # "why here?" answered with something else entirely
            "Why do you want to work at Anthropic?",
            "Last Saturday I finally got my grandfather's old clock ticking again. The "
            "spring had rusted, so I soaked it in oil overnight and fitted a new one from a "
            "shop in town. It chimed at noon for the first time in eleven years.",
        ),
        (  # life outside work in short notes
            "Tell me about a time you failed.",
            "Weekends I'm up at six with the dog. Long loop by the canal, then breakfast. "
            "Evenings I fix old bicycles for the neighbours. Best decision I've made in years. "
            "Got a 1970s racer rolling again last month.",
        ),
        (  # a pastime told at length, one stray word of a working life in it
            "Tell me about a time you had to give a group bad news.",
            "Well, the first thing that comes to mind is my rescue dog, Pepper, who came to us "
            "at five years old and had never once been inside a house. Everything was new to "
            "her, the stairs, the glass doors, the noise of the kettle, and she would stand in "
            "the hall and shake. For the first month I sat on the bottom step every evening with "
            "a bit of cheese and just waited for her to come to me. She sleeps on the sofa now "
            "and she still runs away from the kettle, which the whole family thinks is wrong.",
        ),
    ],
)
def test_a_fluent_answer_to_another_question_is_a_non_answer(question: str, answer: str) -> None:
    c = critique(answer, question)
    assert c.scores["overall"] <= 20 and c.flag_ids == ("non_answer",)


def test_a_why_here_answer_that_names_the_work_is_an_answer() -> None:
    answer = (
        "I want to work on evaluations. Last year I built a test set of 400 tricky support "
        "tickets for our chatbot and found it failed a third of the refund cases."
    )
    c = critique(answer, "Why do you want to work at Anthropic?", company="anthropic")
    assert "non_answer" not in c.flag_ids


@pytest.mark.parametrize(
    ("answer", "floor"),
    [
        (
            "Last spring I was the site engineer on a footbridge for a council, my first job "
            "after my degree. I signed off a concrete pour on a Saturday without checking the "
            "weekend forecast, and the rain ruined the surface. We broke it out and poured "
            "again, which cost eleven days and about 9,000 pounds, and my manager had to "
            "explain it to the client. Since then I check the forecast myself before any pour "
            "and I ask for a cover plan in writing.",
            40,
        ),
        (  # notes, with "in one weekend" and few words our lists call work (eleventh round)
            "- Riverside DC, March, before the spring rush.\n"
            "- Mine: move the fast sellers to the front racks.\n"
            "- I moved 900 SKUs in one weekend.\n"
            "- Skipped the trial rack; thought there was no time.\n"
            "- Pick errors doubled in week one; 1,100 late orders.\n"
            "- Rolled half of it back on the Tuesday night.\n"
            "- Priya, on nights, relabelled 250 locations by hand.\n"
            "- Steady again by day 8; one retailer fined us anyway.\n"
            "- Now: one trial rack for a week first, always.",
            20,
        ),
    ],
)
def test_a_failure_that_mentions_a_weekend_is_still_an_answer(answer: str, floor: int) -> None:
    c = critique(answer, "Tell me about a time you failed.")
    assert "non_answer" not in c.flag_ids and c.scores["overall"] > floor


def test_two_fragments_do_not_tie() -> None:
    q = "Tell me about a time you failed."
    one = critique("I shipped the migration late and we lost a client.", q).scores["overall"]
    two = critique("Things were hard. Stuff happened.", q).scores["overall"]
    assert one > two


def test_a_gap_owned_with_a_way_to_find_out_is_a_knowledge_gap_a_bare_one_is_not() -> None:
    q = "How would you estimate the failure rate of a model you have never seen?"
    bare = critique("I don't know.", q, company="anthropic")
    owned = critique(
        "I honestly do not know. I'd find out by asking the two leads what they measured and "
        "reading last quarter's incident log before I guessed.",
        q,
        company="anthropic",
    )
    shown = {
        c: {b.id for b in x.behaviours if b.shown} for c, x in (("bare", bare), ("owned", owned))
    }
    assert "knowledge_gaps" not in shown["bare"] and "knowledge_gaps" in shown["owned"]


def test_a_question_about_a_coworker_is_not_a_mission_question() -> None:
    c = critique(
        "I sat next to Priya for a week and learned her review style.",
        "Tell me about a time you had to get along with a coworker you did not like.",
    )
    assert c.family != "mission"


def test_notes_without_i_keep_their_actions() -> None:
    c = critique(
        "Implemented the retry queue. Cut timeouts from 40 a day to 3. Paged the owner.",
        "Tell me about a time you improved reliability.",
    )
    assert [s.component for s in c.sentences][:2] == ["action", "action"]


def test_the_gate_word_model_hears_a_joke_for_an_answer() -> None:
    """A quip about family with no work in it, which no gate rule names: the word model of
    answers that answer nothing catches it (and a follow-up on a story is never heard by
    that model, which learned from whole answers)."""
    from storyladder.coach import gate

    question = "What would your harshest critic say about you?"
    quip = (
        "Ha, my harshest critic? Probably my sister, she thinks I talk too much at dinner. "
        "Anyway, yeah, I will leave that one there, honestly."
    )
    c = critique(quip, question)
    assert c.flag_ids == ("non_answer",) and c.scores["overall"] <= 20
    assert gate._sounds_like_none(quip)
    assert gate.not_an_answer(quip, question, follow_up=True) is None


def test_putting_the_data_together_is_not_shared_work_owed_credit() -> None:
    """ "I put the data together" and "together with the other nurse" are not a team's
    work left uncredited; "we fixed it together" is."""
    from storyladder.coach import flags
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    q = classify("Tell me about a time you disagreed with a colleague.")
    alone = (
        "In 2021 I disagreed with our QA lead about the sampling plan. I put the data "
        "together over a weekend and proposed a two-week trial of every 100th part. The trial "
        "found no extra escapes, so the plan changed. Now I check the pump together with "
        "another nurse at every handover."
    )
    assert flags.no_credit(Reading(alone, q)) is None
    shared = (
        "In 2021 the release broke checkout for an hour. We rolled it back and we fixed it "
        "together overnight, and the fix shipped the next morning with 2 new tests."
    )
    assert flags.no_credit(Reading(shared, q)) is not None


def test_a_name_before_an_aside_or_a_hyphenated_verb_is_a_person() -> None:
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    text = (
        "We rebuilt the feature joins in March.\n"
        "Shreya (data eng) did most of the feature store work.\n"
        "Marta, the senior analyst, re-ran the instruments over a weekend."
    )
    names = [n.text for n in Reading(text, classify(None)).names]
    assert names == ["Shreya", "Marta"]


def test_a_short_set_up_under_the_aim_is_not_too_long() -> None:
    """Half of a 121-word answer spent on the setting (62 words, about 25 s) is fine: a
    set-up said within the self-check's 30 s aim is never too long."""
    setting = (
        "Back in 2019 I was a shift lead at a family bakery in the old town, with twelve staff "
        "on two shifts. At the time we were baking for four cafes and one hotel every morning, "
        "and the orders were growing every month. There were two deck ovens, both older than "
        "most of the staff, and the hotel was our biggest account. "
    )
    rest = (
        "I asked the owner for a day to test both ovens, found one thermostat off by 20 "
        "degrees, and moved all the bread to the good oven until the new part came on Friday. "
        "We lost one batch of 40 loaves and the hotel order that morning. Since then I log oven "
        "temperatures at the start of every shift."
    )
    c = critique(setting + rest, "Tell me about a time you solved a problem at work.")
    assert c.words == 121 and c.components["situation"]["share"] > 0.4
    assert "situation_too_long" not in c.flag_ids


def test_notes_that_drop_the_i_still_tell_a_lesson_or_a_platitude() -> None:
    q = "Tell me about a time you had to decide something with incomplete information."
    kept = (
        "Pump failed at 2 am on the night shift.\nNo spare on site.\nSwitched the line to the "
        "backup pump and called the on-call fitter.\nLost 3 hours of output.\nLearned to keep "
        "a spare seal kit in the plant room; I check it every Monday."
    )
    assert "no_learning" not in critique(kept, q).flag_ids
    platitude = (
        "Had a pump go down one night at the plant.\nDidn't have a lot to go on.\nMade the "
        "call and went with my gut.\nLearned you have to trust your instincts."
    )
    assert "cliche_lesson" in critique(platitude, q).flag_ids


def test_habits_in_notes_are_heard_as_a_hypothetical() -> None:
    answer = (
        "Think leadership is about empowering people. Usually start by understanding what "
        "everyone needs. Then set a clear vision. You should always lead by example."
    )
    assert (
        "hypothetical" in critique(answer, "Tell me about a time you showed leadership.").flag_ids
    )


def test_an_answer_with_no_move_of_ones_own_is_not_asked_for_alternatives() -> None:
    """Blame with no move told: the coach does not point at the whole answer as a choice
    made without a reason."""
    from storyladder.coach import flags
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    answer = (
        "Honestly it wasn't really my mistake. The routing software is garbage and nobody in "
        "IT ever fixes anything. The load got there a day late and the customer was upset."
    )
    r = Reading(answer, classify("Tell me about a time you made a mistake at work."))
    assert flags.no_alternatives(r) is None


def test_a_loss_or_a_call_told_with_we_is_not_work_owed_credit() -> None:
    from storyladder.coach import flags
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    q = classify("Tell me about a time you failed.")
    answer = (
        "In 2020 I ran the launch of a snack line across 3,000 stores. I signed off the "
        "packaging before the recipe was final, and we wrote off 2 million in packaging. It "
        "slipped six weeks and we missed the holiday window. It was agreed with the team that "
        "I would own the relaunch plan, and I now freeze the recipe before any print order."
    )
    assert flags.no_credit(Reading(answer, q)) is None
    # one thing "we" did in a story told in "I"s is an outcome shared; the team's work told
    # twice with nobody named is owed credit
    once = answer.replace("It was agreed with the team", "We rebuilt the plan in a week")
    assert flags.no_credit(Reading(once, q)) is None
    twice = once.replace("in a week", "in a week, we reprinted the packaging,")
    assert flags.no_credit(Reading(twice, q)) is not None


def test_what_was_said_then_and_a_judgment_in_hindsight_are_not_hypothetical() -> None:
    from storyladder.coach import flags
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    q = classify("Tell me about a time you faced an ethical dilemma at work.")
    answer = (
        "In 2022 my manager asked me to book a deal a day early. I said I'd look into it, "
        "and I told him I'd need the signed contract first. I checked the dates with our "
        "controller, Anne, and booked it in the next quarter. We missed the target by 3%. "
        "I'd still make the same call, and now I ask for the contract date in writing."
    )
    assert flags.hypothetical(Reading(answer, q)) is None


def test_a_closing_maxim_is_a_platitude_for_a_lesson() -> None:
    q = "Tell me about a time you disagreed with leadership."
    answer = (
        "Big transformation, lots going on. Leadership had a different view of the roadmap. "
        "We aligned on a shared vision and de-risked the plan. In the end we landed in a "
        "really good place. Alignment is everything."
    )
    flagged = critique(answer, q).flag_ids
    assert "cliche_lesson" in flagged and "no_learning" not in flagged


def test_reasons_typed_in_chat_and_a_choice_among_versions_are_heard() -> None:
    from storyladder.coach import flags
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    q = classify("Tell me about a time you had to deliver with unclear requirements.")
    chat = (
        "last year finance asked for a dashboard w/ a one line brief\n"
        "i pushed back on the app idea b/c the app wasnt even live yet\n"
        "we shipped v1 in 6 wks and about half the charts went unused"
    )
    assert flags.no_alternatives(Reading(chat, q)) is None
    versions = (
        "Last year finance asked for a dashboard with a one-line brief. I sketched three "
        "versions and picked the simplest. We shipped v1 in six weeks."
    )
    assert flags.no_alternatives(Reading(versions, q)) is None
    bare = "Last year finance asked for a dashboard. I built it in six weeks. We shipped v1."
    assert flags.no_alternatives(Reading(bare, q)) is not None
    # the options named by their count and a word about them ("two bad choices")
    weighed = "Finance asked for a dashboard and I had two bad choices. I built it in six weeks."
    assert flags.no_alternatives(Reading(weighed, q)) is None


def test_a_virtue_offered_as_the_weakness_is_not_also_asked_for_a_lesson() -> None:
    answer = (
        "Oh, I'd have to say I'm a bit of a perfectionist. I just really care about getting "
        "things right, so sometimes I spend longer on stuff than I need to. But honestly I "
        "think it makes my work better, and people always say they can rely on me."
    )
    flagged = critique(answer, "What's your biggest weakness?").flag_ids
    assert "humble_brag" in flagged and "no_learning" not in flagged


def test_a_fall_in_something_nobody_wants_is_no_cost_and_a_fine_day_is_no_fine() -> None:
    from storyladder.coach import flags
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    q = classify("Tell me about a time you failed.")
    glad = (
        "Last spring I rebuilt our returns form after a botched launch. I rewrote the copy "
        "and tested it with 12 customers. Errors dropped by a third and it was fine."
    )
    assert flags.no_cost(Reading(glad, q)) is not None
    sad = (
        "Last spring I rushed our returns form out before testing it. Repeat orders dropped "
        "by a third that quarter."
    )
    assert flags.no_cost(Reading(sad, q)) is None
    late = "I skipped the load test on the new scheduler. The rollout went live late."
    assert flags.no_cost(Reading(late, q)) is None


def test_a_hypothetical_answer_to_a_hard_call_is_still_asked_for_its_cost() -> None:
    answer = (
        "In that kind of situation I would gather the stakeholders, look at the data we have "
        "and make the best call I can, then iterate as we learn more."
    )
    flagged = critique(answer, "Tell me about a time you decided with incomplete data.").flag_ids
    assert {"hypothetical", "no_cost"} <= set(flagged)


def test_a_why_here_answer_about_ones_own_work_is_an_answer_a_weekend_is_not() -> None:
    work = (
        "I like building things lots of people use. At a transit agency I redesigned the fare "
        "app, and complaints dropped by a third. A change like that reaches millions here."
    )
    assert "non_answer" not in critique(work, "Why do you want to work here?").flag_ids
    weekend = (
        "um so this weekend I finally got my dad's old motorcycle running, the carburetor "
        "was gummed up so I soaked it for two days and he kept telling me I was doing it "
        "wrong, and on Sunday it started on the third kick and we just stood there"
    )
    assert critique(weekend, "Why do you want to work at Anthropic?").flag_ids == ("non_answer",)


def test_a_rescue_of_ones_own_told_as_the_failure_is_a_humble_brag_a_team_effort_is_not() -> None:
    q = "Tell me about a time you failed."
    mine = (
        "At my last job a big release had some issues come up late. I stayed the whole "
        "weekend and fixed them myself. In the end the client was happier than before."
    )
    assert "humble_brag" in critique(mine, q).flag_ids
    ours = (
        "At my last job a big release had some issues come up late. We all worked really "
        "hard as a team. In the end the client was happier than before."
    )
    assert "humble_brag" not in critique(ours, q).flag_ids


def test_talk_before_the_story_and_an_early_outcome_are_not_set_up() -> None:
    answer = (
        "oh man, okay, yeah, so, um, I have, I have a good one for this, this is, uh, this is "
        "a whole thing, honestly one of those stories I still tell people at parties "
        "when they ask what the worst week of my working life was. "
        "I was a line supervisor at a plant that makes clips for car doors. "
        "The scrap rate went from two percent to nine percent in a week and the customer "
        "sent back forty thousand parts, which cost us a lot of money and trust. "
        "I stopped the press, I pulled the setup sheets and I ran a test at the old cycle "
        "time. I learned to test a change on one press before all of them."
    )
    assert "situation_too_long" not in critique(answer, "Tell me about a time you failed.").flag_ids


@pytest.mark.parametrize(
    "answer",
    [
        # compensation paid to a customer is a cost, not a question about the offer
        "In May I ran the returns desk and batched refunds to Fridays to save time. Refunds "
        "piled up to 900 and a florist asked for compensation for a lost weekend of stock. "
        "We paid the compensation, 1,400 euros, and I went back to daily refunds.",
        "I deleted the production database at 2am. Restoring it took nine hours.",
        "I forgot to renew the SSL certificate and the site went down for four hours.",
        "I rushed the migration and lost two days of orders.",
    ],
)
def test_a_short_episode_of_ones_own_is_an_answer_whatever_its_words(answer: str) -> None:
    assert "non_answer" not in critique(answer, "Tell me about a time you failed.").flag_ids


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "Why Anthropic?",
            "**[Insert a specific reason why you want to work here, e.g. a research area.]** "
            "**[Add a personal example that connects your experience to the mission.]**",
        ),
        (
            "Tell me about a time you had to make a hard ethical call.",
            "Something I'm proud of: last year I trained for my first marathon, starting from "
            "barely being able to run 5 kilometres. I followed a 20-week plan, ran four times "
            "a week, and finished in 4 hours 12 minutes. It taught me a lot about consistency.",
        ),
        (
            "Tell me about a time you had to deal with ambiguity.",
            "A time i had to deal with ambiguity, like a time where things were ambiguous and i "
            "had to deal with it. Yeah so ambiguity is definately something ive had to deal with.",
        ),
        (  # a hobby told with one word of work in it and no "weekends" or "outside work"
            "Tell me about a conflict with a colleague.",
            "My grandmother's garden has the best tomatoes in the valley and every August we "
            "make passata together. We pick them at dawn, scald them, peel the skins, and push "
            "the pulp through the old mouli she brought from Calabria. Then the jars go into a "
            "copper pot over a wood fire for an hour. My uncle has strong opinions about the "
            "basil, fresh leaves or dried, and my aunt sides with him. By evening there are two "
            "hundred jars on the cellar shelves, and the kitchen smells of smoke and tomato for "
            "a week.",
        ),
    ],
)
def test_blanks_a_hobby_and_the_question_said_back_with_filler_answer_nothing(
    question: str, answer: str
) -> None:
    c = critique(answer, question)
    assert c.flag_ids == ("non_answer",) and c.scores["overall"] <= 20


def test_a_success_told_for_a_failure_is_judged_as_an_answer_with_flaws() -> None:
    answer = (
        "I would rather tell you about the project I am most proud of. I built the business "
        "case for a demand-response offer, convinced the board in three months and signed the "
        "first 25 industrial sites myself. We shaved 140 megawatts off the winter peak, twice "
        "the objective, and the offer made 3.2 million euros in its first year."
    )
    flagged = critique(answer, "Tell me about a time you failed.").flag_ids
    assert "non_answer" not in flagged and "no_learning" in flagged


def test_ones_own_work_judged_useless_is_no_blame_and_a_view_of_the_field_no_platitude() -> None:
    own = (
        "In 2021 I wrote a fourteen-page note on three options for the reception desk, and my "
        "recommendation sat on page nine. The waiting time stayed at eleven weeks. A part of "
        "this is mine: the analysis was correct and it was useless, because I wrote it for me."
    )
    assert "blame" not in critique(own, "What are you still not good at?").flag_ids
    why = (
        "Last summer I tested a support chatbot and found 30 prompts where it invented a "
        "refund policy, and the team added them to a test set run before every release. That "
        "is when I realized testing these models is a whole real job."
    )
    assert "cliche_lesson" not in critique(why, "Why do you want to work at Anthropic?").flag_ids


def test_an_answer_typed_with_curly_or_no_apostrophes_is_heard_as_typed_plainly() -> None:
    answer = (
        "Last spring our carrier lost 40 pallets on the Leeds route and the client's launch "
        "slipped a week. Honestly it wasn't my fault. The vendor didn't listen and they were "
        "incompetent. I'd say management failed us, and I'm not sure what else I could've done."
    )
    q = "Tell me about a time you failed."
    plain = set(critique(answer, q).flag_ids)
    assert "blame" in plain
    assert set(critique(answer.replace("'", "\u2019"), q).flag_ids) == plain
    assert set(critique(answer.replace("'", ""), q).flag_ids) == plain


def test_i_typed_lowercase_is_still_the_one_who_acted() -> None:
    answer = (
        "last spring our deploy broke checkout for 40 min. i rolled it back, i wrote the "
        "postmortem and i added a canary step, so we now ship to 5% first. we lost about "
        "$18k in orders that hour. i learned to never skip the canary on a friday."
    )
    flagged = critique(answer, "Tell me about a time you failed.").flag_ids
    assert "we_not_i" not in flagged and "hypothetical" not in flagged
    assert len(lexicon.I_SUBJECT.findall("i.e. the plan, i think, i did it")) == 1


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("I paired with O'Brien on the fix.", "O'Brien"),
        ("DeShawn rebuilt the report with me.", "DeShawn"),
        ("I asked McKenzie for help.", "McKenzie"),
        ("I asked Łukasz to review it.", "Łukasz"),
        ("I called Dr. Okafor at once.", "Okafor"),
        ("Mr. Kojo Amankwah agreed to wait.", "Kojo"),
        ("Jean-Luc covered my shift.", "Jean-Luc"),
    ],
)
def test_names_of_many_languages_and_titles_are_people(sentence: str, name: str) -> None:
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    assert name in [n.text for n in Reading(sentence, classify(None)).names]


def test_a_closing_line_that_only_says_something_matters_is_a_platitude() -> None:
    q = "Tell me about a time a delivery went wrong."
    story = (
        "I ran the weekend shift at a parcel depot when the sorter jammed at 6 a.m. I moved "
        "two vans to hand sorting and called the regional lead, Omar, for spare drivers. We "
        "still missed 140 deliveries that day."
    )
    assert "cliche_lesson" in ids(story + " I learned that planning is really important.", q)
    flagged = ids(story + " It showed that teamwork and communication are so key.", q)
    assert "cliche_lesson" in flagged and "no_learning" not in flagged
    # said of one particular thing, with a number, it is a finding, not a platitude
    concrete = story + " The 6 a.m. check is key to the whole day, so Omar runs it now."
    assert "cliche_lesson" not in ids(concrete, q)


@pytest.mark.parametrize(
    "closing",
    [
        "We learned that we need to plan better.",
        "It was a good learning for the whole team.",
        "It was a powerful reminder that people come first.",
    ],
)
def test_a_lesson_claimed_for_the_group_or_called_a_reminder_is_a_platitude(
    closing: str,
) -> None:
    """A lesson with no content is there, only hollow: cliche_lesson names it, not
    no_learning."""
    q = "Tell me about a time a delivery went wrong."
    story = (
        "I ran the weekend shift at a parcel depot when the sorter jammed at 6 a.m. I moved "
        "two vans to hand sorting and called the regional lead, Omar, for spare drivers. We "
        "still missed 140 deliveries that day. "
    )
    flagged = ids(story + closing, q)
    assert "cliche_lesson" in flagged and "no_learning" not in flagged
    # the same words with a practice kept are a lesson
    kept = story + "We learned to run the sorter check before every weekend shift."
    assert "cliche_lesson" not in ids(kept, q)


def test_the_stock_remedy_for_a_weakness_is_a_platitude() -> None:
    q = "What is your biggest weakness?"
    answer = (
        "I take on too much. In May I covered three colleagues' shifts at the clinic, and "
        "my own notes fell two weeks behind. So I learned I need to delegate more."
    )
    assert "cliche_lesson" in ids(answer, q)


def test_a_well_told_story_without_a_lesson_still_lacks_one() -> None:
    q = "Tell me about a time you missed a deadline."
    told = (
        "In March I owned the payroll export for 1,200 staff at a hospital trust. I chose to "
        "rewrite the currency step instead of patching it, because the patch had failed twice. "
        "I was wrong about the time it needed, and the export went out 3 days late. Nadia in "
        "finance rebuilt the bank file by hand, and 40 people were paid late."
    )
    assert "no_learning" in ids(told, q)
    for kept in (
        " I don't promise a date any more until I have run the step on real data.",
        " What I changed is that every estimate I give now has a dry run behind it.",
        " Every export I have shipped since carries a dry run the week before.",
        " So I set a rule for myself: no date without a dry run.",
        " If I went back, I'd run the old export in parallel for a week.",
        " I think the real pattern is that I trust my first estimate too much.",
        # a change shown on the next occasion, a view changed, a change named (eleventh round)
        " Two years later I ran the pension export, and before I touched it I ran it in "
        "parallel for a month.",
        " Afterwards I came to think that my first estimate is a guess, not a plan.",
        " The change I made was a dry run in the week before every export.",
        " I also stopped promising dates before a dry run.",
        # a habit of one's own told in the present, closing the answer (twelfth round)
        " Before any export I count ten payslips by hand and compare them line by line.",
    ):
        assert "no_learning" not in ids(told + kept, q), kept


def test_the_project_you_are_least_proud_of_is_a_failure_question() -> None:
    assert classify("What's the project you're least proud of?").family == "failure"
    assert classify("Which project are you most proud of?").family == "other"


def test_a_long_episode_from_a_job_our_word_lists_rarely_see_is_an_answer() -> None:
    answer = (
        "At a maritime museum I was asked to lay out a new gallery of ship models before the "
        "curators had picked which twenty would go in, with the opening eleven weeks away. I "
        "decided not to wait for the list and designed the room around three fixed cases, "
        "because the cases took longest to build and every model would fit one of them. Two "
        "of the models chosen later were too tall, so we cut one case down at a cost of about "
        "4,000 pounds, and the opening still slipped by a week."
    )
    c = critique(answer, "Tell me about a time you had to move forward without clear direction.")
    assert "non_answer" not in c.flag_ids


def test_an_outcome_where_nothing_moved_is_still_an_outcome() -> None:
    q = "Tell me about a time you disagreed with a decision from leadership."
    told = (
        "In 2022 our regional director moved the depot night shift from 10 pm to midnight. I "
        "pulled the pickup times for the 3 weeks before and asked her for a one-to-one to go "
        "through them, because I thought the later start would squeeze 40 pickups into 2 hours."
    )
    assert "no_result" in ids(told, q)
    for ending in (
        " She read it twice and didn't change the rota.",
        " Nothing really changed, and I still run the late shift.",
        " Head office took it from there, and I never heard back.",
    ):
        assert "no_result" not in ids(told + ending, q), ending


def test_a_motivation_in_vague_words_with_nothing_named_is_vague() -> None:
    q = "Why do you want to work here?"
    empty = (
        "I have always loved technology and all the different things it can do. AI is the "
        "future and there is a lot going on, and I want to be part of it and grow."
    )
    assert "vague" in ids(empty, q)
    named = (
        "In 2023 I spent 6 months building an eval set of 300 refund tickets for our support "
        "bot, and there is a lot going on in evaluations that I want to be part of."
    )
    assert "vague" not in ids(named, q)


@pytest.mark.parametrize(
    "ending",
    [
        "In the end everything is fine, and the supplier is even more reliable now.",
        "After two days things went back to normal and everyone was pleased.",
        "Eventually it all came together and the launch went smoothly.",
    ],
)
def test_an_ending_that_erases_the_setback_is_neat(ending: str) -> None:
    story = (
        "In June I ordered the wrong grade of packaging film for our bakery line, and the "
        "line stopped for a morning while we waited for a new roll. I called the supplier "
        "myself and asked for an emergency delivery. "
    )
    assert "neat_resolution" in ids(story + ending, "Tell me about a mistake you made.")


def test_work_told_all_in_we_with_nobody_named_owes_credit() -> None:
    answer = (
        "In May our clinic booking system double-booked 60 appointments. We decided to phone "
        "every patient that evening. We got the week's rota rebuilt by hand. We had the old "
        "paper diary running alongside the system for a month. All 60 patients were seen "
        "within 9 days."
    )
    flagged = ids(answer, "Tell me about a time something went wrong at work.")
    assert "we_not_i" in flagged and "no_credit" in flagged


def test_places_businesses_and_ordinary_openers_are_not_people() -> None:
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    text = (
        "We rerouted 18 containers through Houston and Priya caught the mislabelled ones.\n"
        "I was running my startup, Kitebird, at the time.\n"
        "Units got filled by Friday.\n"
        "Everybody was relieved.\n"
        "Tomasz checked every pallet twice."
    )
    r = Reading(text, classify(None))
    assert [n.text for n in r.people] == ["Priya", "Tomasz"]
    assert lexicon.ordinary_word("Enrollment") and lexicon.ordinary_word("Units")
    assert not lexicon.ordinary_word("Priya") and not lexicon.ordinary_word("Tomasz")


def test_a_we_told_story_whose_only_capitals_are_places_owes_credit() -> None:
    answer = (
        "In 2022 a port slowdown stranded 30 containers of holiday stock. We rerouted 18 of "
        "them through Houston. We air-freighted the top 40 items. We rebuilt the allocation "
        "plan across 5 warehouses in a week. Units got to the stores about 9 days late."
    )
    assert "no_credit" in ids(answer, "Tell me about a time you had to decide without data.")


@pytest.mark.parametrize(
    "closing",
    [
        "I've also started handing the till sheet to whoever closes with me.",
        "The one change I've made is that a new starter runs the close with me watching.",
    ],
)
def test_a_change_named_with_a_word_between_or_as_the_change_made_is_a_lesson(
    closing: str,
) -> None:
    answer = (
        "Last March I ran the evening close at a garden centre with four staff. I redid the "
        "till counts myself whenever a new starter got them wrong, because it was quicker. "
        "After six weeks Priya told me she still could not close on her own, and two tills "
        "came up short on her first solo night. " + closing
    )
    assert "no_learning" not in critique(answer, "Tell me about a time you failed.").flag_ids


def test_a_motivation_answer_offers_no_weakness_to_disguise() -> None:
    answer = (
        "Because of a chatbot we trialled on 15 support agents last spring: it quoted a "
        "warranty we had withdrawn in 2021. I was the one who caught it in call reviews, and I "
        "pushed to switch it off for a month, which cost my team its quarterly target. Testing "
        "a model before it talks to customers is the work I want, and your evals are why I apply."
    )
    assert "humble_brag" not in critique(answer, "Why do you want to work at Anthropic?").flag_ids


def _no_cost_of_failure_with(result: str) -> object:
    """`no_cost` of a short failure story whose result sentence is `result`."""
    from storyladder.coach import flags
    from storyladder.coach.question import classify
    from storyladder.coach.reading import Reading

    answer = (
        "Last winter I moved two packers off returns to make the 6pm truck, because I "
        f"thought returns could wait a day. {result} Now I check the backlog first."
    )
    return flags.no_cost(Reading(answer, classify("Tell me about a time you failed.")))


def test_an_order_shipped_short_and_a_credit_someone_had_to_give_are_costs() -> None:
    for result in (
        "Three pallets shipped short that week.",
        "My manager had to credit the account 400 dollars.",
    ):
        assert _no_cost_of_failure_with(result) is None, result


def test_a_bad_measure_that_rose_and_costs_told_as_payments_or_slowdowns_are_costs() -> None:
    for result in (
        "Wait times at the counter got longer that month.",
        "The pharmacists were very stressed by the end of it.",
        "We paid the supplier half the compensation they asked for.",
        "The client held back the last payment until March.",
        "Approvals slowed from minutes to three days.",
        "We missed the cut-off twice that week.",
    ):
        assert _no_cost_of_failure_with(result) is None, result
    # a rise of something worth having, or a wait that did not grow, is no cost
    for result in (
        "Sales rose by a third that month.",
        "Wait times never got longer.",
        "Over time, trust in the new rota grew.",
    ):
        assert _no_cost_of_failure_with(result) is not None, result
