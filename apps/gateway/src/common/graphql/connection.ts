/** A page as the read models and the use cases answer it. */
interface Page<Node> {
  totalCount: number;
  nodes: readonly Node[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The GraphQL connection of a page (`totalCount`, `nodes`, `pageInfo`), each node as `view` shows it. */
export function connectionOf<Node, View>(page: Page<Node>, view: (node: Node) => View) {
  return {
    totalCount: page.totalCount,
    nodes: page.nodes.map((node) => view(node)),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
  };
}
