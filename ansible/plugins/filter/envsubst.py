"""Fills ${NAME} references that media-node-config leaves in properties and pjsua files (README "Rendering")."""
import re

REFERENCE = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")


def envsubst(text, values):
    """Replaces every ${NAME} by values[NAME] outside comment lines; an unknown NAME is an error, so nothing
    ships half-filled."""
    def fill(match):
        name = match.group(1)
        if name not in values:
            raise ValueError(f"rendered file needs secret {name}, which no vault variable provides")
        return str(values[name])
    return "\n".join(line if line.lstrip().startswith("#") else REFERENCE.sub(fill, line)
                     for line in text.split("\n"))


class FilterModule:
    def filters(self):
        return {"envsubst": envsubst}
