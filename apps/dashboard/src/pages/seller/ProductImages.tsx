import { Alert, Button, FileInput, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { authorizedFetch, AuthRouteError, useTRPC } from "../../api.ts";
import { errorDetail, fieldErrors } from "../../ui/errors.ts";

interface ProductImage {
  id: number;
  url: string;
  alt_text: string;
}

/** The product's images: upload with a preview before sending, and delete. */
export function ProductImages({ productId, images }: { productId: number; images: ProductImage[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const refresh = () => queryClient.invalidateQueries(trpc.products.pathFilter());
  const upload = useMutation({
    mutationFn: async (image: File) => {
      const form = new FormData();
      form.append("image", image);
      form.append("alt_text", image.name.replace(/\.[^.]+$/, ""));
      const response = await authorizedFetch(`/api/products/${productId}/upload-image/`, { method: "POST", body: form });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new AuthRouteError(response.status, body);
      return body as ProductImage;
    },
    onSuccess: async () => {
      setFile(null);
      await refresh();
    },
  });
  const remove = useMutation(trpc.products.deleteImage.mutationOptions({ onSuccess: refresh }));

  return (
    <Stack>
      <Title order={2} size="h4">
        Images
      </Title>
      {images.length === 0 ? (
        <Text c="dimmed" role="status">
          No images yet.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} role="list" aria-label="Product images">
          {images.map((image) => (
            <Paper key={image.id} withBorder p="xs" role="listitem">
              <Image src={image.url} alt={image.alt_text || "Product image"} h={120} fit="contain" />
              <Button
                mt="xs"
                size="xs"
                fullWidth
                variant="subtle"
                color="red"
                aria-label={`Delete image ${image.alt_text || image.id}`}
                loading={remove.isPending && remove.variables?.image_id === image.id}
                onClick={() => remove.mutate({ id: productId, image_id: image.id })}
              >
                Delete
              </Button>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {remove.error ? (
        <Text c="red" role="alert">
          {errorDetail(remove.error)}
        </Text>
      ) : null}
      <Group align="end" wrap="wrap">
        <FileInput
          label="New image"
          description="JPEG, PNG, WebP or GIF, up to 5 MB"
          accept="image/jpeg,image/png,image/webp,image/gif"
          clearable
          value={file}
          onChange={setFile}
          error={upload.error ? (fieldErrors(upload.error).image ?? errorDetail(upload.error)) : undefined}
          w={280}
        />
        <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          Upload image
        </Button>
      </Group>
      {preview ? (
        <div>
          <Text size="sm">Preview</Text>
          <Image src={preview} alt="Preview of the image to upload" h={120} w="auto" fit="contain" />
        </div>
      ) : null}
      {upload.error && !fieldErrors(upload.error).image ? (
        <Alert color="red" role="alert">
          {errorDetail(upload.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}
