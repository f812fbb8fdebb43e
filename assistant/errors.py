"""Exceptions raised by assistant.

AssistantError
├── ConfigError        a setting is wrong (bad model path, unreachable Chroma server)
├── StoreError         the vector store cannot be read or written
└── QuestionError      the question cannot be answered as typed (empty, too long, control characters)
"""


class AssistantError(Exception):
    """Base class: every error the package raises on purpose."""


class ConfigError(AssistantError):
    """A setting is wrong; the message names it and the fix."""


class StoreError(AssistantError):
    """The vector store cannot be used; the message says what to do."""


class QuestionError(AssistantError):
    """The question is not usable as typed; the message is safe to show to the user."""
