"""Reference data of delegations (States, organizations, groups, UN entities); no Django."""

from statements.reference.names import (
    KINDS,
    STATE_KINDS,
    AliasCollisionError,
    DelegationRef,
    build_alias_index,
    delegation_by_code,
    load_delegations,
    lookup_delegation,
    normalize_name,
    parse_delegations,
)

__all__ = [
    "KINDS",
    "STATE_KINDS",
    "AliasCollisionError",
    "DelegationRef",
    "build_alias_index",
    "delegation_by_code",
    "load_delegations",
    "lookup_delegation",
    "normalize_name",
    "parse_delegations",
]
