// The app's storage format, as the tests and benchmarks write and read it: one
// localStorage key per comment, `goosebumps/v1/comment/<post>/<id>`, holding the JSON
// of `{ v, comment }`. Plain JavaScript, so the Playwright specs (TypeScript) and the
// benchmarks (plain Node) share one copy.

/** The post the page shows. */
export const POST = 'miracle-in-cell-no-7';
/** The post's page: every post is at its own address, `/<slug>/` (the home page is `/`). */
export const POST_PATH = `/${POST}/`;

/** The app's localStorage keys. */
export const KEY = {
  /** Where the comment `id` of `post` is stored. */
  comment: (id, post = POST) => `goosebumps/v1/comment/${post}/${id}`,
  /** What every comment key of `post` starts with. */
  commentPrefix: (post = POST) => `goosebumps/v1/comment/${post}/`,
  /** The draft of the new (top-level) comment. */
  draft: `goosebumps/v1/draft/${POST}/new`,
  /** The chosen testimonial view (Text or Video). */
  view: `goosebumps/v1/view/${POST}`,
  /** The index of the stored comments. */
  index: `goosebumps/v1/index/${POST}`,
};

/**
 * A comment id as the app makes them: the creation time in milliseconds in base 36
 * (9 characters), then 6 more: `tail` as given when it is a string, or the number
 * `tail` in base 36.
 */
export function commentId(createdMs, tail) {
  const rest = typeof tail === 'number' ? tail.toString(36).padStart(6, '0') : tail;
  return createdMs.toString(36).padStart(9, '0') + rest;
}

/** The creation time an id starts with. */
export const createdAt = (id) => parseInt(id.slice(0, 9), 36);

/**
 * A comment as the app stores it (its fields in the app's order): top level, no
 * website, created when its id says, unless told otherwise.
 */
export function storedComment({ id, post = POST, parent_id = null, author, email, url = null, content, created_ms = createdAt(id) }) {
  return { id, post, parent_id, author, email, url, content, created_ms };
}

/** The stored value of `comment`: the JSON of `{ v, comment }`, format version `v`. */
export const recordValue = (comment, v = 1) => JSON.stringify({ v, comment });

/** The key and stored value of `comment`, as one localStorage entry. */
export const commentEntry = (comment, v = 1) => [KEY.comment(comment.id, comment.post), recordValue(comment, v)];
