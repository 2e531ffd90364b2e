"""Where a model helps: more natural interviewer turns, a rubric evaluation with quoted
evidence, questions that help mine rough notes. Each falls back to the offline coach
(returns None, with a notice) when no model is set or the call fails."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from storyladder import taxonomy
from storyladder.coach.probes import grounded
from storyladder.llm import guard
from storyladder.llm.prompts import fenced, render
from storyladder.llm.provider import Message, Provider
from storyladder.llm.resilient import Outcome, complete

PURPOSE = {
    "context": "the forces at play: who else was involved and what constrained them",
    "decision": "what the candidate decided, why, and what else they considered",
    "tradeoff": "what it cost and who paid for it",
    "meta_reflection": "what this shows about the candidate: a pattern, tendency or blind spot",
    "worldview": "the principle or habit the candidate carries forward",
    "press": "the same level again, because the answer did not reach it",
    "pushback": "a respectful challenge: was this a mistake? the candidate should update or hold",
}


def interviewer_turn(
    provider: Provider,
    draft: str,
    last_answer: str,
    level: str | None,
    kind: str | None,
    company: str,
    outcome: Outcome,
) -> str | None:
    """A more natural version of the rule-based probe, or None (use the draft)."""
    purpose = PURPOSE.get(kind or "", "") or PURPOSE.get(level or "", "a grounded follow-up")
    system = render("interviewer", company=company, purpose=purpose)
    reply = complete(
        provider,
        [
            Message(
                "user",
                fenced("candidate_text", last_answer) + "\n" + fenced("draft_question", draft),
            )
        ],
        system,
        outcome,
        max_tokens=120,
    )
    if reply is None:
        return None
    text = guard.keep_grounded(" ".join(reply.text.split()), last_answer + " " + draft)
    usable = text.endswith("?") and 15 <= len(text) <= 400 and not _MARKUP.search(text)
    if not usable:
        outcome.notices.append("the model's question was not usable; kept the offline one")
        return None
    if not grounded(text, last_answer):  # the same test our own probes pass
        outcome.notices.append("the model's question did not quote your answer; kept ours")
        return None
    return text


_MARKUP = re.compile(r"</?[a-z_]+>|```")  # the prompt's fences echoed back, or code


class Evidence(BaseModel):
    quote: str = Field(min_length=3, max_length=300)
    why: str = Field(min_length=3, max_length=400)


class Evaluation(BaseModel):
    scores: dict[str, int]
    strengths: list[Evidence]
    weaknesses: list[Evidence]
    summary: str

    def quotes(self) -> list[str]:
        return [e.quote for e in self.strengths + self.weaknesses]


DIMENSIONS = ("structure", "specificity", "ownership", "reflection", "honesty")


def evaluate(
    provider: Provider, answer: str, question: str | None, company: str, outcome: Outcome
) -> Evaluation | None:
    """The model's rubric evaluation, validated: JSON shape, scores 0-100, and every quote
    found word for word in the answer (one retry with the problem named, then None)."""
    mode = taxonomy.load().company(company)
    system = render("evaluate", company=mode.name, looks_for="; ".join(mode.looks_for))
    messages = [
        Message(
            "user",
            fenced("question", question or "(not given)") + "\n" + fenced("candidate_text", answer),
        )
    ]
    for _ in range(2):
        reply = complete(provider, messages, system, outcome, max_tokens=700)
        if reply is None:
            return None
        problem, result = _parse_evaluation(reply.text, answer)
        if result is not None:
            return result
        outcome.notices.append(f"evaluation rejected: {problem}")
        messages = messages + [
            Message("assistant", reply.text),
            Message("user", f"That reply was not usable: {problem}. Reply again with JSON only."),
        ]
    return None


def _parse_evaluation(text: str, answer: str) -> tuple[str, Evaluation | None]:
    found = re.search(r"\{.*\}", text, re.DOTALL)
    if not found:
        return "no JSON object", None
    try:
        data: Any = json.loads(found.group())
        result = Evaluation.model_validate(data)
    except (json.JSONDecodeError, ValidationError) as err:
        return f"invalid JSON: {str(err).splitlines()[0]}", None
    bad_scores = [k for k in DIMENSIONS if not 0 <= result.scores.get(k, -1) <= 100]
    if bad_scores:
        return f"missing or out-of-range scores: {', '.join(bad_scores)}", None
    missing = guard.quotes_exist(result.quotes(), answer)
    if missing:
        return f"quotes not in the answer: {missing[0][:60]!r}", None
    return "", result


def mine(provider: Provider, notes: str, outcome: Outcome) -> list[str] | None:
    """Questions that help the candidate remember details (never a written story)."""
    reply = complete(
        provider,
        [Message("user", fenced("candidate_text", notes))],
        render("mine"),
        outcome,
        max_tokens=300,
    )
    if reply is None:
        return None
    questions = []
    for line in reply.text.splitlines():
        line = re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line).strip()
        if line.endswith("?") and not guard.invented(line, notes):
            questions.append(line)
    return questions or None
