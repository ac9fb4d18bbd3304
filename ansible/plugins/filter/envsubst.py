"""Fills ${NAME} references that media-node-config leaves in properties and pjsua files (README "Rendering")."""
import re


def envsubst(text, values):
    """Replaces every ${NAME} by values[NAME]; an unknown NAME is an error, so nothing ships half-filled."""
    def fill(match):
        name = match.group(1)
        if name not in values:
            raise ValueError(f"rendered file needs secret {name}, which no vault variable provides")
        return str(values[name])
    return re.sub(r"\$\{([A-Z][A-Z0-9_]*)\}", fill, text)


class FilterModule:
    def filters(self):
        return {"envsubst": envsubst}
