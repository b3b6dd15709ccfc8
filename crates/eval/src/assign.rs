//! Best one-to-one pairing of gold items with predicted items (Hungarian algorithm).

/// Cost of a forbidden pair: higher than any sum of allowed scores, so the pairing first
/// maximises the number of allowed pairs, then their total score.
const FORBIDDEN: f64 = 1e9;

/// Pairs rows (gold) with columns (predicted) one to one, maximising first the number of
/// pairs and then the sum of their scores. `scores[g][p]` is `None` when `g` and `p` may
/// not be paired. Returns `(gold, predicted)` index pairs sorted by gold index.
pub fn best_pairing(scores: &[Vec<Option<f64>>]) -> Vec<(usize, usize)> {
    let rows = scores.len();
    let cols = scores.iter().map(Vec::len).max().unwrap_or(0);
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    let cost = |g: usize, p: usize| match scores[g].get(p).copied().flatten() {
        Some(score) => -score,
        None => FORBIDDEN,
    };
    // The algorithm wants at most as many rows as columns: transpose when needed.
    let pairs = if rows <= cols {
        hungarian(rows, cols, cost)
    } else {
        hungarian(cols, rows, |r, c| cost(c, r))
            .into_iter()
            .map(|(p, g)| (g, p))
            .collect()
    };
    let mut allowed: Vec<(usize, usize)> = pairs
        .into_iter()
        .filter(|&(g, p)| scores[g].get(p).copied().flatten().is_some())
        .collect();
    allowed.sort_unstable();
    allowed
}

/// Minimum-cost assignment of every row to a distinct column (`rows <= cols`).
fn hungarian(rows: usize, cols: usize, cost: impl Fn(usize, usize) -> f64) -> Vec<(usize, usize)> {
    let mut u = vec![0.0; rows + 1];
    let mut v = vec![0.0; cols + 1];
    // owner[c]: the row (1-based) assigned to column c (1-based); 0 = free.
    let mut owner = vec![0usize; cols + 1];
    let mut way = vec![0usize; cols + 1];
    for row in 1..=rows {
        owner[0] = row;
        let mut col0 = 0usize;
        let mut min_v = vec![f64::INFINITY; cols + 1];
        let mut used = vec![false; cols + 1];
        loop {
            used[col0] = true;
            let row0 = owner[col0];
            let mut delta = f64::INFINITY;
            let mut col1 = 0usize;
            for col in 1..=cols {
                if used[col] {
                    continue;
                }
                let reduced = cost(row0 - 1, col - 1) - u[row0] - v[col];
                if reduced < min_v[col] {
                    min_v[col] = reduced;
                    way[col] = col0;
                }
                if min_v[col] < delta {
                    delta = min_v[col];
                    col1 = col;
                }
            }
            for col in 0..=cols {
                if used[col] {
                    u[owner[col]] += delta;
                    v[col] -= delta;
                } else {
                    min_v[col] -= delta;
                }
            }
            col0 = col1;
            if owner[col0] == 0 {
                break;
            }
        }
        loop {
            let col1 = way[col0];
            owner[col0] = owner[col1];
            col0 = col1;
            if col0 == 0 {
                break;
            }
        }
    }
    (1..=cols)
        .filter(|&c| owner[c] != 0)
        .map(|c| (owner[c] - 1, c - 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(scores: &[&[Option<f64>]], expected: &[(usize, usize)]) {
        let table: Vec<Vec<Option<f64>>> = scores.iter().map(|r| r.to_vec()).collect();
        assert_eq!(best_pairing(&table), expected, "{scores:?}");
    }

    #[test]
    fn pairing_maximises_pairs_then_score() {
        let (y, n) = (Some, None::<f64>);
        // Greedy would take (0,0) for 5 and leave gold 1 unpaired; the best pairing pairs both.
        check(&[&[y(5.0), y(4.0)], &[y(4.5), n]], &[(0, 1), (1, 0)]);
        // Plain maximum score.
        check(&[&[y(1.0), y(3.0)], &[y(3.0), y(1.0)]], &[(0, 1), (1, 0)]);
        // Nothing allowed: no pairs.
        check(&[&[n, n], &[n, n]], &[]);
        // More gold than predicted (transposed internally).
        check(&[&[y(1.0)], &[y(2.0)], &[n]], &[(1, 0)]);
        // More predicted than gold.
        check(&[&[n, y(1.0), y(2.0)]], &[(0, 2)]);
        // Empty sides.
        check(&[], &[]);
        check(&[&[], &[]], &[]);
    }
}
