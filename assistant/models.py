"""Pydantic models that cross module borders."""

from __future__ import annotations

from pydantic import BaseModel, Field, computed_field


class Document(BaseModel):
    """A cleaned document: the text that chunks and citations point into."""

    id: str = Field(description="Path relative to the seeds folder, e.g. '000_x.txt'.")
    title: str
    text: str
    url: str | None = None
    date: str | None = Field(None, description="Publication date as ISO yyyy-mm-dd, when the page states one.")
    site: str | None = Field(None, description="The name of the site the page comes from, when the page gives it.")
    language: str = "und"
    sha256: str = Field(description="Hash of the file's bytes: what the indexer compares.")
    kind: str = Field("text", description="The reader that read the file: text, html, pdf or docx.")
    pages: list[tuple[int, int]] = Field(
        default_factory=list, description="(offset in text, 1-based page number) where each page starts (PDF)."
    )
    sections: list[int] = Field(default_factory=list, description="Offsets where a section starts: no chunk crosses.")
    furniture: list[str] = Field(
        default_factory=list,
        description="The page's lines after its article (its lists of other articles, its menus' headings): not "
        "indexed as text, kept so that a question about them is told they are no part of the article.",
    )


class Chunk(BaseModel):
    """A span of a document's cleaned text; start/end are character offsets into Document.text."""

    doc_id: str
    index: int
    text: str
    start: int
    end: int
    page: int | None = None


class Source(BaseModel):
    """Where a text comes from: the document's id (its file name), title, link, site, date and language."""

    doc_id: str
    title: str
    url: str | None = None
    date: str | None = None
    site: str | None = Field(None, description="The site's name as the page gives it ('Báo Kinh tế và Đô thị').")
    language: str
    page: int | None = Field(None, description="The 1-based page the passage starts on, for paged files (PDF).")


class Passage(Source):
    """A retrieved chunk with its source, as returned by retrieve()."""

    text: str
    score: float
    rank: int
    start: int
    end: int
    chunk_id: str


class Citation(Source):
    """A numbered source of an answer, with the sentence(s) that answer highlighted by offsets."""

    number: int
    passage: str
    passage_start: int = Field(description="Offset of the passage in the document's cleaned text.")
    highlights: list[tuple[int, int]] = Field(
        default_factory=list, description="Offsets of the answering sentence(s), relative to the passage."
    )

    @classmethod
    def of(cls, number: int, passage: Passage, highlights: list[tuple[int, int]] | None = None) -> Citation:
        source = passage.model_dump(include=set(Source.model_fields))
        return cls(
            number=number, passage=passage.text, passage_start=passage.start, highlights=sorted(highlights or []),
            **source,
        )  # fmt: skip

    @property
    def quotes(self) -> list[str]:
        return [self.passage[a:b] for a, b in self.highlights]


class Answer(BaseModel):
    question: str
    text: str
    found: bool
    citations: list[Citation] = Field(default_factory=list)
    language: str = "en"
    mode: str = Field("extractive", description="'extractive' or 'generative'.")
    notice: str | None = None
    confidence: float | None = Field(
        None, description="The fitted probability that the documents answer the question (found when over the cut)."
    )
    partial: bool = Field(False, description="Some parts of a question that asks several things are answered, not all.")


class Problem(BaseModel):
    """A file that could not be indexed, and why."""

    path: str
    reason: str


class IndexReport(BaseModel):
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    chunks_embedded: int = 0
    seconds: float = 0.0
    load_seconds: float = 0.0  # of seconds, the part spent loading (or converting) the encoders

    @computed_field  # type: ignore[prop-decorator]
    @property
    def chunks_per_second(self) -> float:
        """Chunks embedded and stored per second of the run, model loading left out."""
        working = self.seconds - self.load_seconds
        return round(self.chunks_embedded / working, 1) if self.chunks_embedded and working > 0 else 0.0

    rebuilt: bool = False
    skipped: list[Problem] = Field(default_factory=list)
