"""Controlled vocabularies of the dataset.

Each is a ``str`` Enum so values compare equal to their CSV text; the schema generator writes
them into the Table Schema as ``constraints.enum`` (frictionless enforces ``enum``, not v2's
``categories``).
"""

from __future__ import annotations

from enum import Enum


class Vocabulary(str, Enum):
    """Base: ``str(member)`` is its CSV value."""

    def __str__(self) -> str:
        return str(self.value)


class SourceKind(Vocabulary):
    ARTICLE = "article"
    NEWS_REPORT = "news-report"
    BLOG_POST = "blog-post"
    REPORT = "report"
    OFFICIAL_DOCUMENT = "official-document"
    PRESS_RELEASE = "press-release"
    BOOK = "book"
    WEBSITE = "website"
    #: the curators' general knowledge, said in each citation's note (no quote, no text)
    EDITORIAL = "editorial"
    OTHER = "other"


class Gender(Vocabulary):
    MALE = "male"
    FEMALE = "female"


class OrgKind(Vocabulary):
    NGO = "ngo"
    MINISTRY = "ministry"
    GOVERNMENT_AGENCY = "government-agency"
    SECURITY_SERVICE = "security-service"
    LAW_ENFORCEMENT = "law-enforcement"
    COURT = "court"
    LEGISLATURE = "legislature"
    DIPLOMATIC_MISSION = "diplomatic-mission"
    INTERNATIONAL_ORGANIZATION = "international-organization"
    COMPANY = "company"
    BANK = "bank"
    UNIVERSITY = "university"
    MEDIA = "media"
    THINK_TANK = "think-tank"
    POLITICAL_PARTY = "political-party"
    MILITARY = "military"
    OTHER = "other"


class PlaceKind(Vocabulary):
    COUNTRY = "country"
    TERRITORY = "territory"
    REGION = "region"
    DISTRICT = "district"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    RIVER = "river"
    BORDER = "border"
    AIRPORT = "airport"
    BUILDING = "building"
    PORT = "port"
    RAILWAY = "railway"
    AREA = "area"
    OTHER = "other"


class EventKind(Vocabulary):
    BIRTH = "birth"
    DEATH = "death"
    CROSSING = "crossing"
    ARREST = "arrest"
    DETENTION = "detention"
    COURT_DECISION = "court-decision"
    FINE = "fine"
    ASYLUM_APPLICATION = "asylum-application"
    ASYLUM_DECISION = "asylum-decision"
    ESCAPE = "escape"
    DEFECTION = "defection"
    TRAVEL = "travel"
    TRANSFER = "transfer"
    DEPORTATION = "deportation"
    REPATRIATION = "repatriation"
    ABDUCTION = "abduction"
    HIDING = "hiding"
    EMPLOYMENT = "employment"
    MEETING = "meeting"
    VISIT = "visit"
    SIGNING = "signing"
    RATIFICATION = "ratification"
    SANCTION = "sanction"
    CLOSURE = "closure"
    VOTE = "vote"
    REPORT = "report"
    STATEMENT = "statement"
    PUBLICATION = "publication"
    EXECUTION = "execution"
    INVESTMENT = "investment"
    POLICY = "policy"
    LEGISLATION = "legislation"
    DECLARATION = "declaration"
    FOUNDING = "founding"
    #: an official label put on someone (a "foreign agent")
    DESIGNATION = "designation"
    LOBBYING = "lobbying"
    COOPERATION = "cooperation"
    RELATIONS = "relations"
    ASSISTANCE = "assistance"
    APPEAL = "appeal"
    PERMIT_DECISION = "permit-decision"
    PURCHASE = "purchase"
    RESIDENCE = "residence"
    FAMILY = "family"
    HARDSHIP = "hardship"
    OTHER = "other"


class Topic(Vocabulary):
    """What a statistic is about (its ``indicator`` says exactly what it counts)."""

    ASYLUM = "asylum"
    DEFECTION = "defection"
    DIPLOMACY = "diplomacy"
    GEOGRAPHY = "geography"
    INVESTMENT = "investment"
    JUSTICE = "justice"
    LABOUR = "labour"
    MIGRATION = "migration"
    POPULATION = "population"
    SANCTIONS = "sanctions"
    TRADE = "trade"
    OTHER = "other"


class Certainty(Vocabulary):
    CERTAIN = "certain"
    REPORTED = "reported"
    PROBABLE = "probable"
    POSSIBLE = "possible"
    DISPUTED = "disputed"


class ParticipantRole(Vocabulary):
    SUBJECT = "subject"
    ACTOR = "actor"
    VICTIM = "victim"
    HELPER = "helper"
    AUTHORITY = "authority"
    APPLICANT = "applicant"
    DECISION_MAKER = "decision-maker"
    SIGNATORY = "signatory"
    REPORTER = "reporter"
    SOURCE = "source"
    HOST = "host"
    VISITOR = "visitor"
    DESTINATION = "destination"
    ORIGIN = "origin"
    TARGET = "target"
    ORGANISER = "organiser"
    WITNESS = "witness"
    PARTICIPANT = "participant"


class AgreementKind(Vocabulary):
    TREATY = "treaty"
    AGREEMENT = "agreement"
    RESOLUTION = "resolution"
    CONVENTION = "convention"
    PROTOCOL = "protocol"
    MEMORANDUM = "memorandum"
    JOINT_VENTURE = "joint-venture"
    CONTRACT = "contract"
    LAW = "law"
    PROGRAM = "program"
    OTHER = "other"


class AgreementStatus(Vocabulary):
    PROPOSED = "proposed"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in-force"
    ADOPTED = "adopted"
    TERMINATED = "terminated"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


class PartyRole(Vocabulary):
    PARTY = "party"
    SIGNATORY = "signatory"
    SPONSOR = "sponsor"
    VOTED_FOR = "voted-for"
    VOTED_AGAINST = "voted-against"
    ABSTAINED = "abstained"
    INVESTOR = "investor"
    IMPLEMENTER = "implementer"


class Unit(Vocabulary):
    PERSON = "person"
    USD = "usd"
    RUB = "rub"
    EUR = "eur"
    KRW = "krw"
    KM = "km"
    PERCENT = "percent"
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    VOTE = "vote"
    COUNTRY = "country"
    TICKET = "ticket"
    ITEM = "item"
    OTHER = "other"


class Qualifier(Vocabulary):
    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at-least"
    MORE_THAN = "more-than"
    AT_MOST = "at-most"
    LESS_THAN = "less-than"
    ESTIMATE = "estimate"
    TARGET = "target"
    RANGE = "range"


class ClaimStatus(Vocabulary):
    ASSERTED = "asserted"
    DISPUTED = "disputed"
    DENIED = "denied"
    UNVERIFIED = "unverified"
    CONFIRMED = "confirmed"


class AffiliationRole(Vocabulary):
    HEAD = "head"
    MEMBER = "member"
    EMPLOYEE = "employee"
    OFFICIAL = "official"
    LAWYER = "lawyer"
    VOLUNTEER = "volunteer"
    ACTIVIST = "activist"
    REPORTER = "reporter"
    CORRESPONDENT = "correspondent"
    EDITOR = "editor"
    AUTHOR = "author"
    CONTRIBUTOR = "contributor"
    TRANSLATOR = "translator"
    PROFESSOR = "professor"
    RESEARCHER = "researcher"
    INTERN = "intern"
    DIPLOMAT = "diplomat"
    FOUNDER = "founder"
    OWNER = "owner"
    SPOKESPERSON = "spokesperson"
    MINISTER = "minister"
    OTHER = "other"


class LabelField(Vocabulary):
    NAME = "name"
    ALIAS = "alias"
    TITLE = "title"
    DESCRIPTION = "description"


class Lang(Vocabulary):
    EN = "en"
    RU = "ru"
    KO = "ko"


class Origin(Vocabulary):
    SOURCE = "source"
    EDITORIAL = "editorial"
    CLDR = "cldr"
    TRANSLITERATION = "transliteration"
    MACHINE = "machine"
