"""Argument frames: relations read from a sentence's items with the trigger lexicons.

A handful of templates, all driven by loaders/data/frames.yaml and the schema:
- active      "X and Y signed Z", "X co-hosted Z"        subject list -> role -> instrument
- "with"      "X signed a loan agreement with Y for Z"    the partner takes the same role;
              a loan's giver FUNDS the project it is "for"
- passive     "Z was signed by X", "Z, hosted by X"       agent list -> role -> instrument
- nominal     "an MOC between X and Y", "Z is a partnership between X and Y"
- lists       "the funders, i.e. X, Y and Z", "X and Y are members of Z"
- fields      "Executing agency: X", "Country: A, B, C"   towards the document's instrument
- locative    "Z ... held in Cape Town"                   Z LOCATED_IN the place
- role noun   "with funding from X", "under the chair of X", "X, the chair country of Y",
              "X holds the presidency of Y", "a grant from X"
- cooccurrence  two actors and a trigger but no frame: kept below the API's default
              confidence threshold, so that only a client asking for them sees them
An instrument is a recognised actor of an instrument type, or a phrase of the lexicon ("a
Memorandum of Cooperation") that becomes a node named from its parties and year. A role
edge is kept only between actor types the schema allows for its relation type.
"""

from loaders.frames.reader import FrameReader
from loaders.frames.state import Fact, Unnamed

__all__ = ["Fact", "FrameReader", "Unnamed"]
