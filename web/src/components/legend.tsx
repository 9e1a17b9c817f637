/** Weapon colours and the size rule, as the vocabulary gives them. */
import { vocabulary } from '../vocabulary.js';

export function Legend() {
  const weapons = vocabulary.value?.weapons ?? [];
  return (
    <ul class="legend" aria-label="Legend">
      {weapons.map((w) => (
        <li key={w.key}>
          <span class="swatch" style={{ backgroundColor: w.color }} />
          {w.label}
        </li>
      ))}
      <li class="muted">circle area ∝ killed + injured</li>
    </ul>
  );
}
